export { directiveWorkflow } from './directive.workflow';
export { assignmentWorkflow } from './assignment.workflow';
