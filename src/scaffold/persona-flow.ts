import { proposeId } from './ids.js';
import { askDocumentId, type FlowContext } from './flow-context.js';
import { compact, type Asker } from './questions.js';
import { choicesOf, PERSONA_VOCABULARY as V } from './vocabulary.js';
import { freshId, isAge, isHttpsUrl, isIsoDate, isPicture } from './validators.js';

type Data = Record<string, unknown>;

/**
 * The questions a consultant answers for a persona, in the order of its eight headings
 * (about them, personality, goals, challenges, hangouts, what we do for them, objections,
 * message), then behaviour and evidence. --yes fills each heading with one TODO placeholder.
 */
export async function askPersona(ask: Asker, ctx: FlowContext): Promise<Data> {
  const name = await ask.input({
    name: 'name',
    message: "Persona's name (e.g. Finance Fiona)",
    placeholder: 'New persona',
  });
  const id = await askDocumentId(ask, ctx, 'persona', name);
  const tagline = await ask.input({ name: 'tagline', message: 'Tagline: one line that sums them up', optional: true });
  const picture = await ask.input({
    name: 'picture',
    message:
      'Picture: a PNG, JPEG, GIF or WebP file, relative to the persona file (e.g. images/fiona.jpg), or an https:// address',
    optional: true,
    validate: isPicture,
  });
  const audience = await ask.select({
    name: 'audience',
    message: 'Customer outside your organisation, or a colleague you serve?',
    choices: choicesOf(V.audience()),
    default: 'external',
  });
  const roles = await ask.checkbox({
    name: 'roles',
    message: 'Roles in the buying decision',
    choices: choicesOf(V.roles()),
  });

  const about = await ask.group('about', async (a) => {
    const text = (key: string, message: string, placeholder?: string) =>
      a.input({
        name: key,
        message: `About them: ${message}`,
        optional: true,
        ...(placeholder ? { placeholder } : {}),
      });
    const age = await a.input({
      name: 'age',
      message: 'About them: age (e.g. 45) or age range (e.g. 40-55)',
      optional: true,
      validate: isAge,
    });
    return compact({
      age: age !== undefined && /^\d+$/.test(age) ? Number(age) : age,
      gender: await text('gender', 'gender'),
      education: await text('education', 'education or qualification'),
      family: await text('family', 'family situation'),
      location: await text('location', 'where they live or work'),
      job_title: await text('job_title', 'job title', 'TODO: job title'),
      experience: await text('experience', 'professional experience'),
      occupation: await text('occupation', 'line of work or industry'),
    });
  });

  const personality = await ask.group('personality', async (a) =>
    compact({
      traits: await a.texts({
        name: 'traits',
        noun: 'trait',
        message: 'Personality: a character trait (e.g. approachable, aloof)',
        yesValues: ['TODO: a character trait'],
      }),
      communication: await a.texts({
        name: 'communication',
        noun: 'preference',
        message: 'Personality: how they like to be contacted (e.g. prefers email to calls)',
      }),
    }),
  );

  // Goals and challenges share one id namespace (SPEC 7).
  const taken = new Set<string>();
  const aim = async (a: Asker, list: 'goal' | 'challenge', types: string[]) => {
    const text = await a.input({
      name: 'text',
      message: `The ${list}, in their words`,
      placeholder: `TODO: a ${list} in their words`,
    });
    const type = await a.select({ name: 'type', message: `Kind of ${list}`, choices: choicesOf(types) });
    const itemId = (await a.input({
      name: 'id',
      message: `Id of this ${list}`,
      default: proposeId(text, taken, list, 4),
      validate: freshId(taken, 'another goal or challenge'),
    }))!;
    taken.add(itemId);
    return { id: itemId, type, text };
  };
  const goals = await ask.list(
    { name: 'goals', noun: 'goal', message: 'Goals: add a goal (commercial, personal or emotional)?', yesItems: 1 },
    (a) => aim(a, 'goal', V.goalTypes()),
  );
  const challenges = await ask.list(
    {
      name: 'challenges',
      noun: 'challenge',
      message: 'Challenges: add a challenge (resources, politics, regulation, competition)?',
      yesItems: 1,
    },
    (a) => aim(a, 'challenge', V.challengeTypes()),
  );

  const hangouts = await ask.list(
    { name: 'hangouts', noun: 'hangout', message: 'Hangouts: add a place where they get information?', yesItems: 1 },
    async (a) =>
      compact({
        name: await a.input({
          name: 'name',
          message: 'Name of the place (e.g. LinkedIn finance groups)',
          placeholder: 'TODO: where they get information',
        }),
        type: await a.select({ name: 'type', message: 'Kind of place', choices: choicesOf(V.hangoutTypes()) }),
        url: await a.input({
          name: 'url',
          message: 'Its web address (https://…)',
          optional: true,
          validate: isHttpsUrl,
        }),
      }),
  );

  const aims = [...goals.map((g) => ({ ...g, list: 'goal' })), ...challenges.map((c) => ({ ...c, list: 'challenge' }))];
  const addressed = new Set<string>();
  let value: Data[] = [];
  if (aims.length > 0) {
    value = await ask.list(
      {
        name: 'value',
        noun: 'thing we do for them',
        message: 'What we do for them: add something we do that helps with their goals or challenges?',
        yesItems: 1,
      },
      async (a) => {
        const text = await a.input({
          name: 'text',
          message: 'What we do for them (e.g. Automate reconciliations)',
          placeholder: 'TODO: what we do for them',
        });
        const addresses = await a.checkbox({
          name: 'addresses',
          message: 'Which of their goals and challenges does it help with?',
          choices: aims.map((x) => ({ value: x.id, name: `${x.list}: ${x.text}` })),
          default: aims.map((x) => x.id).filter((x) => !addressed.has(x)),
          min: 1,
        });
        for (const x of addresses) addressed.add(x);
        return { text, addresses };
      },
    );
  } else {
    ask.notApplicable(
      'value',
      'says which goals and challenges we help with, but no goal or challenge was given; add goals or challenges first',
    );
  }

  const objections = await ask.list(
    {
      name: 'objections',
      noun: 'objection',
      message: 'Objections: add something that stops them buying?',
      yesItems: 1,
    },
    async (a) =>
      compact({
        text: await a.input({
          name: 'text',
          message: 'The objection, as they would say it',
          placeholder: 'TODO: what stops them buying',
        }),
        type: await a.select({
          name: 'type',
          message: 'Kind of objection',
          choices: choicesOf(V.objectionTypes()),
          optional: true,
        }),
        response: await a.input({ name: 'response', message: 'How we answer it', optional: true }),
      }),
  );

  const messages = await ask.list(
    { name: 'messages', noun: 'message', message: 'Message: add a message that resonates with them?', yesItems: 1 },
    async (a) =>
      compact({
        theme: await a.select({ name: 'theme', message: 'Theme of the message', choices: choicesOf(V.themes()) }),
        text: await a.input({ name: 'text', message: 'The message itself', placeholder: 'TODO: what we say to them' }),
        channels: await a.texts({
          name: 'channels',
          noun: 'channel',
          message: 'Where this message is used (e.g. email)',
        }),
      }),
  );

  const behaviour = await ask.section(
    { name: 'behaviour', message: 'Describe their buying behaviour (frequency, intent, channels)?', default: false },
    async (a) =>
      compact({
        frequency: await a.select({
          name: 'frequency',
          message: 'How often do they buy from you?',
          choices: choicesOf(V.frequency()),
          optional: true,
        }),
        intent: await a.checkbox({
          name: 'intent',
          message: 'Why do they come to you?',
          choices: choicesOf(V.intent()),
        }),
        channels: await a.checkbox({
          name: 'channels',
          message: 'Which channels do they use?',
          choices: choicesOf(V.channels()),
        }),
        motivations: await a.texts({ name: 'motivations', noun: 'motivation', message: 'What drives them?' }),
        emotions: await a.texts({
          name: 'emotions',
          noun: 'feeling',
          message: 'How do they feel about the problem or purchase?',
        }),
      }),
  );

  const evidence = await ask.list(
    {
      name: 'evidence',
      noun: 'piece of research',
      message: 'Evidence: add the research this persona rests on (interview, survey, CRM…)?',
    },
    async (a) =>
      compact({
        source: await a.select({
          name: 'source',
          message: 'Kind of research',
          choices: choicesOf(V.evidenceSources()),
        }),
        date: await a.input({ name: 'date', message: 'When (YYYY-MM-DD)', default: ctx.today, validate: isIsoDate }),
        note: await a.input({
          name: 'note',
          message: 'Note (e.g. interviewed 6 FDs at the spring conference)',
          optional: true,
        }),
      }),
  );
  ask.finish();

  return compact({
    kind: 'persona',
    id,
    name,
    tagline,
    picture,
    audience,
    roles,
    about,
    personality,
    goals,
    challenges,
    hangouts,
    value,
    objections,
    messages,
    behaviour,
    evidence,
  });
}
