import fc from 'fast-check';
import { describe, it } from 'vitest';
import { parseScenario } from '../../../simulator/index';
import { scenarioArb } from '../../../tests/sim/arbitraries';
import { checkTemplate } from './checkTemplate.test-helpers';
import { samTemplateYaml } from './emit';
import type { ExportScenario } from './types';

describe('the SAM export over random valid scenarios', () => {
  it('always writes YAML that parses, names only resources it declares, and holds every function with its memory and timeout', () => {
    fc.assert(
      fc.property(scenarioArb({ codeShare: 0.3 }), (raw) => {
        const scenario = parseScenario(raw) as ExportScenario;
        checkTemplate(samTemplateYaml(scenario), scenario);
      }),
      { numRuns: 100 },
    );
  });
});
