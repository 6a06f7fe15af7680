// Writes scripts-flows/flow.schema.json from the zod schema (npm run flows:schema).
// The JSON Schema is generated, never edited by hand: a unit test fails when the two drift apart.
import { writeFileSync } from 'node:fs';
import { FLOW_SCHEMA_PATH, flowSchemaText } from '../flows/schemaFile';

writeFileSync(FLOW_SCHEMA_PATH, flowSchemaText());
process.stdout.write(`${FLOW_SCHEMA_PATH}\n`);
