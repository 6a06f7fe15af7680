import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readArticleSources } from '../../src/cli/kbCheck';
import { checkFlowFile } from '../../src/flows/check';
import { ISSUE_CODES } from '../../src/flows/issues';
import { KNOWN_VARIABLES } from '../../src/flows/templates';

const readme = readFileSync('scripts-flows/README.md', 'utf8');

describe('scripts-flows/README.md', () => {
  it('has a complete example that passes the check with no issue', () => {
    const section = readme.slice(readme.indexOf('## A complete example'));
    const json = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(json).toBeDefined();
    const knownArticles = new Set(
      readArticleSources('knowledge-base').map((s) => s.file.replace(/^.*\/|\.md$/g, '')),
    );
    const { flow, issues } = checkFlowFile(json ?? '', 'README.md', { knownArticles });
    expect(issues).toEqual([]);
    expect(flow?.steps.length).toBeGreaterThan(5);
  });

  it('documents every issue code the validator can report', () => {
    // Grouped rows name siblings after a slash: `duplicate.stepId` / `optionId` / `fieldId`.
    const undocumented = ISSUE_CODES.filter((code) => {
      const name = code.slice(code.indexOf('.') + 1);
      return !readme.includes(`\`${code}\``) && !readme.includes(`/ \`${name}\``);
    });
    expect(undocumented).toEqual([]);
  });

  it('documents every template variable group', () => {
    for (const group of new Set(KNOWN_VARIABLES.map((v) => v.split('.')[0]))) {
      expect(readme).toContain(`\`${group}`);
    }
  });
});
