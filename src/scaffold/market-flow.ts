import { askDocumentId, type FlowContext } from './flow-context.js';
import { compact, type Asker, type Validate } from './questions.js';
import { both, isCurrency, isInteger, isNumber, toNumber } from './validators.js';
import { choicesOf, MARKET_VOCABULARY as V } from './vocabulary.js';

type Data = Record<string, unknown>;

/** A market: what we offer, the criteria a fitting company meets, and optionally fit and sizing. */
export async function askMarket(ask: Asker, ctx: FlowContext): Promise<Data> {
  const name = await ask.input({
    name: 'name',
    message: "Market's name (e.g. UK mid-market finance teams)",
    placeholder: 'New market',
  });
  const id = await askDocumentId(ask, ctx, 'market', name);
  const offering = await ask.input({ name: 'offering', message: 'What we sell to this market', optional: true });
  const currency = (
    await ask.input({
      name: 'currency',
      message: 'Currency of all amounts (e.g. GBP)',
      optional: true,
      validate: isCurrency,
    })
  )?.toUpperCase();

  const criteria = await ask.group('criteria', async (c) => {
    const sectors = await c.texts({
      name: 'sectors',
      noun: 'sector',
      message: 'Criteria: a sector that fits (e.g. manufacturing)',
    });
    const employees = await askRange(c, 'employees', 'employees', isInteger(0));
    const revenue = await askRange(c, 'revenue', 'yearly revenue', isNumber(0));
    const regions = await c.texts({
      name: 'regions',
      noun: 'region',
      message: 'Criteria: a region that fits (e.g. UK)',
    });
    const growth_stages = await c.texts({
      name: 'growth_stages',
      noun: 'growth stage',
      message: `Criteria: a growth stage that fits (${V.growthStages().join(', ')})`,
    });
    // Answering no means "not a criterion", not "must not buy it": only `true` is written.
    const buys = await c.confirm({
      name: 'buys_category',
      message: 'Must fitting companies normally buy this kind of product?',
      default: true,
    });
    const problems = await c.texts({
      name: 'problems',
      noun: 'problem',
      message: 'Criteria: a problem we can prove we solve (e.g. slow month-end)',
    });
    const buyer_personas =
      ctx.personaIds.length > 0
        ? await c.checkbox({
            name: 'buyer_personas',
            message: 'Which personas usually do the buying?',
            choices: choicesOf(ctx.personaIds),
          })
        : [];
    if (ctx.personaIds.length === 0)
      c.notApplicable(
        'buyer_personas',
        'the workspace has no personas yet; create them with `personakit new persona`, then add their ids',
      );
    const incumbent = await c.select({
      name: 'incumbent',
      message: 'Companies already served by a competitor',
      choices: [
        { value: 'any', name: 'any: fine either way (not scored)' },
        { value: 'none', name: 'none: they must not have one' },
        { value: 'prefer', name: 'prefer: they must have one' },
      ],
      default: 'any',
    });
    return compact({
      sectors,
      employees,
      revenue,
      regions,
      growth_stages,
      buys_category: buys ? true : undefined,
      problems,
      buyer_personas,
      incumbent: incumbent === 'any' ? undefined : incumbent,
    });
  });

  const scored = V.scoredCriteria().filter((k) => k in criteria);
  const fit = await ask.section(
    { name: 'fit', message: 'Set how strictly accounts must match (threshold, required criteria)?', default: false },
    async (f) =>
      compact({
        threshold: toNumber(
          await f.input({
            name: 'threshold',
            message: 'Share of the scored criteria an account must match, 0 to 1',
            default: '1',
            validate: isNumber(0, 1),
          }),
        ),
        required: await f.checkbox({
          name: 'required',
          message: 'Criteria that must match whatever the threshold',
          choices: choicesOf(scored),
        }),
        weights: f.asIs('weights'),
        min_known: toNumber(
          await f.input({
            name: 'min_known',
            message: 'Share of the criteria weight an account needs data for to be ranked, 0 to 1 (Enter for 0.5)',
            optional: true,
            validate: isNumber(0, 1),
          }),
        ),
        tiers: f.asIs('tiers'),
        disqualify: f.asIs('disqualify'),
      }),
  );

  const sizing = await ask.section(
    { name: 'sizing', message: 'Size the market (companies, spend, revenue target)?', default: false },
    async (s) =>
      compact({
        total_companies: toNumber(
          await s.input({
            name: 'total_companies',
            message: 'Companies in the total target market',
            optional: true,
            validate: isInteger(0),
          }),
        ),
        average_annual_spend: toNumber(
          await s.input({
            name: 'average_annual_spend',
            message: 'What a typical company could spend with us per year',
            optional: true,
            validate: isNumber(0),
          }),
        ),
        revenue_target: toNumber(
          await s.input({
            name: 'revenue_target',
            message: 'Yearly revenue we need from this market',
            optional: true,
            validate: isNumber(0),
          }),
        ),
        max_share: toNumber(
          await s.input({
            name: 'max_share',
            message: 'Share of the market we believe we can win, above 0 and up to 1',
            optional: true,
            validate: isNumber(0, 1, true),
          }),
        ),
      }),
  );
  const accounts_file = await ask.input({
    name: 'accounts_file',
    message: 'CSV file of candidate accounts, relative to the market file (e.g. accounts.csv)',
    optional: true,
  });
  // Inline accounts, CSV column mapping and accepted misfits are data, not questions: an answers
  // file may carry them, checked by the market schema.
  const accounts = ask.asIs('accounts');
  const accounts_columns = ask.asIs('accounts_columns');
  const accepted_misfits = ask.asIs('accepted_misfits');
  ask.finish();
  // criteria is required even when empty (SPEC 3.3), so it is added after compact drops empties.
  return {
    ...compact({ kind: 'market', id, name, offering, currency }),
    criteria,
    ...compact({ fit, accounts, accounts_file, accounts_columns, accepted_misfits, sizing }),
  };
}

/** A {min, max} criterion; max must not be below min. */
async function askRange(ask: Asker, key: string, label: string, validate: Validate): Promise<Data> {
  return ask.group(key, async (r) => {
    const min = toNumber(
      await r.input({ name: 'min', message: `Criteria: fewest ${label} that fit`, optional: true, validate }),
    );
    const notBelowMin: Validate = (text) =>
      min === undefined || Number(text.replace(/_/g, '')) >= min || `must be at least the minimum, ${min}`;
    const max = toNumber(
      await r.input({
        name: 'max',
        message: `Criteria: most ${label} that fit`,
        optional: true,
        validate: both(validate, notBelowMin),
      }),
    );
    return compact({ min, max });
  });
}
