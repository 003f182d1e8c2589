import { TaskListPage } from "../../features/tasks";

export function TasksRoute() {
  return <TaskListPage />;
}
