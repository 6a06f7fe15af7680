// The published JSON Schema as file text, one function for the generator script and the drift test.
import { flowJsonSchema } from './schema';

export const FLOW_SCHEMA_PATH = 'scripts-flows/flow.schema.json';

export function flowSchemaText(): string {
  return `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
}
