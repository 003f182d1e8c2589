import { useParams } from "react-router-dom";

import { TaskDetailPage } from "../../features/tasks";

export function TaskRoute() {
  const { taskId = "" } = useParams();
  // a new task id is a new page: nothing typed into one task's forms carries over to the next
  return <TaskDetailPage key={taskId} taskId={taskId} />;
}
