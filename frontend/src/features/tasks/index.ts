export { TaskDetailPage } from "./components/detail/TaskDetailPage";
export { TaskListPage } from "./components/list/TaskListPage";
