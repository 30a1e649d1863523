import { askDocumentId, type FlowContext } from './flow-context.js';
import { proposeId } from './ids.js';
import { JOURNEY_TEMPLATES } from './journey-templates.js';
import { compact, type Asker } from './questions.js';
import { freshId, isId, isInteger } from './validators.js';
import { choicesOf, JOURNEY_VOCABULARY as V } from './vocabulary.js';

type Data = Record<string, unknown>;
const BLANK = 'blank';

/** A journey: who takes it, then a template's stages (sales stages aligned) or stages entered one by one. */
export async function askJourney(ask: Asker, ctx: FlowContext): Promise<Data> {
  const name = await ask.input({
    name: 'name',
    message: "Journey's name (e.g. A CFO buys finance automation)",
    placeholder: 'New journey',
  });
  const id = await askDocumentId(ask, ctx, 'journey', name);
  const personas =
    ctx.personaIds.length > 0
      ? await ask.checkbox({
          name: 'personas',
          message: 'Which personas take this journey?',
          choices: choicesOf(ctx.personaIds),
          default: ctx.personaIds.slice(0, 1),
          min: 1,
        })
      : await ask.texts({
          name: 'personas',
          noun: 'persona id',
          message:
            'Id of a persona who takes this journey (none found in the workspace; create it with `personakit new persona`)',
          validate: isId,
          min: 1,
        });

  const template = await ask.select({
    name: 'template',
    message: 'Start from',
    choices: [
      ...JOURNEY_TEMPLATES.map((t) => ({ value: t.id, name: t.name, description: t.description })),
      { value: BLANK, name: 'Blank: enter the stages yourself' },
    ],
    // An answers file that is a journey document (its own stages, no template) starts blank.
    default: ask.given('stages') ? BLANK : JOURNEY_TEMPLATES[0]!.id,
  });
  // A template name the answers got wrong (reported already) is read as the choice the rest of
  // the answers imply, so that they are still checked and cause no second problem.
  const chosen =
    JOURNEY_TEMPLATES.find((t) => t.id === template) ??
    (template === BLANK || ask.given('stages') ? undefined : JOURNEY_TEMPLATES[0]);
  if (chosen) {
    for (const key of ['stages', 'sales_stages', 'milestones'])
      ask.notApplicable(
        key,
        `comes from the template "${chosen.id}"; use template: ${BLANK} to give your own, or edit the written file`,
      );
    ask.finish();
    return {
      kind: 'journey',
      id,
      name,
      personas,
      ...structuredClone({ stages: chosen.stages, sales_stages: chosen.sales_stages, milestones: chosen.milestones }),
    };
  }
  const lists = await askStages(ask);
  ask.finish();
  return compact({ kind: 'journey', id, name, personas, ...lists });
}

async function askStages(ask: Asker): Promise<Data> {
  const phases = V.phases();
  const stageIds = new Set<string>();
  let lastPhase = 0;
  const stages = await ask.list(
    { name: 'stages', noun: 'buying stage', message: 'Add a buying stage?', min: 1 },
    async (a) => {
      const stageName = await a.input({
        name: 'name',
        message: "Buying stage, in the customer's words (e.g. Becomes aware of a problem)",
        placeholder: 'TODO: buying stage',
      });
      const stageId = (await a.input({
        name: 'id',
        message: 'Id of this stage',
        default: proposeId(stageName, stageIds, 'stage', 4),
        validate: freshId(stageIds, 'another stage'),
      }))!;
      stageIds.add(stageId);
      // Phases never go backwards (rule phase-order), so only the current phase and later ones are offered.
      const phase = (await a.select({
        name: 'phase',
        message: 'Phase',
        choices: choicesOf(phases.slice(lastPhase)),
        default: phases[lastPhase],
      }))!;
      lastPhase = phases.indexOf(phase);
      const emotion = await a.input({
        name: 'emotion',
        message: 'How the customer feels, from -2 (very unhappy) to 2 (very happy)',
        optional: true,
        validate: isInteger(-2, 2),
      });
      return compact({
        id: stageId,
        name: stageName,
        phase,
        goal: await a.input({ name: 'goal', message: 'What the customer wants at this stage', optional: true }),
        questions: await a.texts({
          name: 'questions',
          noun: 'question',
          message: 'A question the customer asks at this stage (e.g. What does it cost us to do nothing?)',
        }),
        emotion: emotion === undefined ? undefined : Number(emotion),
        message: await a.input({
          name: 'message',
          message: 'What we communicate at this stage',
          optional: true,
          placeholder: 'TODO: what we say at this stage',
        }),
        touchpoints: await a.list(
          {
            name: 'touchpoints',
            noun: 'touchpoint',
            message: 'Add a touchpoint (where we meet the customer here)?',
            yesItems: 1,
          },
          async (t) =>
            compact({
              channel: await t.select({
                name: 'channel',
                message: 'Channel',
                choices: choicesOf(V.touchpointChannels()),
              }),
              description: await t.input({ name: 'description', message: 'What happens there', optional: true }),
              owner: await t.input({
                name: 'owner',
                message: 'Who owns it (marketing, sales, service…)',
                optional: true,
              }),
            }),
        ),
      });
    },
  );

  const order = stages.map((s) => String(s.id));
  const covered = new Set<string>();
  const salesIds = new Set<string>();
  const sales_stages = await ask.list(
    { name: 'sales_stages', noun: 'sales stage', message: 'Add the sales stages aligned to these buying stages?' },
    async (a) => {
      const salesName = await a.input({
        name: 'name',
        message: 'Sales stage (e.g. Addressable market)',
        placeholder: 'TODO: sales stage',
      });
      const salesId = (await a.input({
        name: 'id',
        message: 'Id of this sales stage',
        default: proposeId(salesName, salesIds, 'sales-stage', 4),
        validate: freshId(salesIds, 'another sales stage'),
      }))!;
      salesIds.add(salesId);
      const next = order.find((s) => !covered.has(s));
      const aligns_with = await a.checkbox({
        name: 'aligns_with',
        message: 'Which buying stages does it serve?',
        choices: choicesOf(order),
        default: next ? [next] : [],
        min: 1,
      });
      for (const s of aligns_with) covered.add(s);
      return compact({
        id: salesId,
        name: salesName,
        aligns_with,
        activities: await a.texts({
          name: 'activities',
          noun: 'activity',
          message: 'What the seller does in this stage (e.g. Discovery call)',
        }),
        exit_criteria: await a.texts({
          name: 'exit_criteria',
          noun: 'exit criterion',
          message: 'What must be true to leave this stage (e.g. Budget confirmed)',
        }),
        owner: await a.input({ name: 'owner', message: 'Who owns it', optional: true }),
      });
    },
  );

  const milestoneIds = new Set<string>();
  const milestones = await ask.list(
    { name: 'milestones', noun: 'milestone', message: 'Add a milestone to celebrate with the customer?' },
    async (a) => {
      const trigger = await a.input({
        name: 'trigger',
        message: "What happens in the customer's world (e.g. First month-end closed in three days)",
        placeholder: 'TODO: the milestone',
      });
      const milestoneId = (await a.input({
        name: 'id',
        message: 'Id of this milestone',
        default: proposeId(trigger, milestoneIds, 'milestone', 4),
        validate: freshId(milestoneIds, 'another milestone'),
      }))!;
      milestoneIds.add(milestoneId);
      const stage = await a.select({ name: 'stage', message: 'At which buying stage?', choices: choicesOf(order) });
      const celebrate = await a.section(
        { name: 'celebrate', message: 'Say how we celebrate it?', default: true },
        async (c) => ({
          channel: await c.input({
            name: 'channel',
            message: 'How (e.g. email, letter from the CEO)',
            placeholder: 'email',
          }),
          message: await c.input({ name: 'message', message: 'What we say', placeholder: 'TODO: congratulations' }),
        }),
      );
      return compact({ id: milestoneId, stage, trigger, celebrate });
    },
  );
  return { stages, sales_stages, milestones };
}
