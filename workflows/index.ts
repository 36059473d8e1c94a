export { directiveWorkflow } from './directive.workflow';
