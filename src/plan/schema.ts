// The answers file, defined once: validation, TypeScript types and the published JSON Schema all come from here.
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

export const LANGUAGES = ['en', 'zh-CN'] as const;
export const CHANNELS = ['service-account', 'subscription-account', 'wechat-group', 'wecom', 'other'] as const;
export const ACCOUNT_TYPES = ['service-account', 'subscription-account', 'wechat-group', 'wecom', 'other'] as const;
export const PRIORITIES = ['essential', 'optional'] as const;
export const FREQUENCIES = ['often', 'sometimes', 'rarely'] as const;
export const KPI_UNITS = ['count', 'percent', 'money'] as const;
export const KPI_PERIODS = ['day', 'week', 'month', 'quarter'] as const;

const supportedCurrencies = new Set(Intl.supportedValuesOf('currency'));

// Free text: may hold Markdown (bold, lists, links). Blank strings are treated as "not answered".
const text = (what: string) => z.string().trim().min(1, { error: 'must not be empty' }).describe(what);
const markdown = (what: string) => text(`${what} Markdown is allowed (bold, lists, links).`);
const optionalMarkdown = (what: string) => markdown(what).optional();
const textList = (what: string) => z.array(text(what)).describe(what);

const count = (what: string) => z.number().int({ error: 'must be a whole number' }).min(0, { error: 'must not be negative' }).describe(what);
const money = (what: string) => z.number().min(0, { error: 'must not be negative' }).describe(`${what} In the plan's currency, a plain number without symbol or separators (e.g. 12000).`);
/** Percentages are stored as percent points: 12.5 means 12.5 %. */
const percent = (what: string) =>
  z.number().min(0, { error: 'must not be negative' }).max(100, { error: 'is a percentage and cannot be over 100' })
    .describe(`${what} In percent points: 12.5 means 12.5 %.`);

const isoDate = (what: string) =>
  z.string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written as YYYY-MM-DD, e.g. 2026-01-15', abort: true })
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    }, { error: 'is not a real calendar date' })
    .describe(`${what} Written as YYYY-MM-DD.`);

export const MetaSchema = z.strictObject({
  title: text('Plan title shown on the cover and in the page header.'),
  company: text('The company the plan is written for; named on the cover and in section 2.'),
  author: text('Who wrote the plan.'),
  audience: text('Who the plan is for, e.g. "General manager" or "营销总监".'),
  date: isoDate('Date of the plan.'),
  language: z.enum(LANGUAGES).describe('Language the plan is written in: en or zh-CN.'),
  currency: z.string()
    .regex(/^[A-Z]{3}$/, { error: 'must be a three-letter ISO 4217 currency code in capitals, e.g. CNY or USD' })
    .refine((code) => supportedCurrencies.has(code), { error: 'is not a known ISO 4217 currency code' })
    .describe('ISO 4217 code of the currency all amounts are in, e.g. CNY, USD.'),
  channel: z.enum(CHANNELS).describe('The WeChat channel the plan is about: service-account, subscription-account, wechat-group, wecom or other.'),
  channelName: text('Name of the account, group or community, e.g. "Lumen Threads" or "川药通VIP群".').optional(),
  horizon: z.strictObject({
    start: isoDate('First day of the planning horizon.'),
    quarters: z.number().int({ error: 'must be a whole number' }).min(1, { error: 'must be at least 1' }).max(12, { error: 'must be at most 12 (three years)' })
      .describe('How many quarters (3-month periods) the plan covers.'),
  }).describe('The period the plan covers.'),
  brand: text('Path to a brand file (brand.yaml) for this plan, relative to the answers file.').optional(),
}).describe('About the plan: title, company, author, audience, language, currency, channel and horizon.');

export const CompetitorSchema = z.strictObject({
  name: text('Competitor (peer company or account) name.'),
  accountType: z.enum(ACCOUNT_TYPES).describe('Their account type: service-account, subscription-account, wechat-group, wecom or other.'),
  howTheyServe: markdown('How they use WeChat to serve customers or promote products.'),
  content: optionalMarkdown('Content layout, columns and copywriting observed.'),
  activities: optionalMarkdown('Activities (campaigns) observed and how they went.'),
  strengths: textList('What they do well.').optional(),
  weaknesses: textList('Where they fall short.').optional(),
  lessons: textList('What we should learn or copy from them.').optional(),
});

export const CompetitorAnalysisSchema = z.strictObject({
  overview: optionalMarkdown('One-paragraph takeaway across all competitors.'),
  competitors: z.array(CompetitorSchema).min(1, { error: 'needs at least one competitor: peers are the best teachers' })
    .describe('Peer companies and their WeChat accounts.'),
}).describe('Section 1: how peer companies use WeChat.');

export const TrialMetricSchema = z.strictObject({
  metric: text('What was measured, e.g. "Average reads per article".'),
  value: z.number().describe('The measured value.'),
  unit: text('Unit of the value, e.g. "reads", "%", "followers".').optional(),
  note: optionalMarkdown('What the figure tells, e.g. which article types drew most.'),
});

export const ValueSchema = z.strictObject({
  businesses: z.array(z.strictObject({
    name: text('A business line or product.'),
    howOnChannel: markdown('How it can be served or promoted on WeChat.'),
  })).min(1, { error: 'needs at least one business or product that can move onto WeChat' })
    .describe('Current businesses or products that can move onto the channel.'),
  recommendedAccountType: z.enum(ACCOUNT_TYPES).describe('The account type recommended for the company.'),
  accountTypeReason: markdown('Why this account type fits (service accounts serve, subscription accounts publish and promote).'),
  trial: z.strictObject({
    period: text('The trial period, e.g. "2026-09-01 to 2026-10-31" or "first two months".'),
    metrics: z.array(TrialMetricSchema).min(1, { error: 'needs at least one measured figure' }).describe('Early figures from the trial.'),
  }).optional().describe('Early data from a first 1-2 months of running the account.'),
  benefits: textList('Benefits for the company: business made easier, customers retained, results improved.')
    .min(1, { error: 'needs at least one benefit' }),
}).describe('Section 2: what the channel is worth to the company.');

export const PastActivitySchema = z.strictObject({
  name: text('Activity name.'),
  date: isoDate('When it ran (first day).').optional(),
  applicants: count('How many people signed up or took part.'),
  conversions: count('How many became customers or bought.'),
  cost: money('What it cost.'),
  sales: money('Sales it brought, if known.').optional(),
  worked: optionalMarkdown('What worked.'),
  improve: optionalMarkdown('What to improve next time.'),
}).refine((activity) => activity.conversions <= activity.applicants, {
  error: 'conversions cannot be more than applicants',
  path: ['conversions'],
});

export const PlannedActivitySchema = z.strictObject({
  name: text('Activity name.'),
  start: isoDate('First day.'),
  end: isoDate('Last day (leave out for a one-day activity).').optional(),
  goal: markdown('What the activity should achieve.'),
  mechanics: markdown('How it works: offer, rules, steps.'),
  owner: text('Person responsible (a name from task allocation).'),
  resources: optionalMarkdown('Company resources requested: products, staff, budget, other departments.'),
  budget: money('Budget for the activity.'),
  expectedParticipants: count('Expected number of participants.').optional(),
}).refine((activity) => !activity.end || activity.end >= activity.start, {
  error: 'end date is before the start date',
  path: ['end'],
});

export const ActivitiesSchema = z.strictObject({
  past: z.array(PastActivitySchema).optional().describe('Activities already run, with their results.'),
  planned: z.array(PlannedActivitySchema).min(1, { error: 'needs at least one planned activity' })
    .describe('Upcoming activities, as detailed as possible to request resources.'),
}).describe('Section 3: past and planned activities (campaigns).');

export const CustomerConcernsSchema = z.strictObject({
  topics: z.array(z.strictObject({
    topic: text('What customers ask about, e.g. product features, where service is offered.'),
    detail: optionalMarkdown('Detail and examples.'),
    frequency: z.enum(FREQUENCIES).describe('How often it is raised: often, sometimes or rarely.'),
  })).min(1, { error: 'needs at least one topic customers raise' }).describe('Topics customers raise.'),
  complaints: z.array(z.strictObject({
    complaint: text('A complaint.'),
    frequency: z.enum(FREQUENCIES).describe('How often it is raised: often, sometimes or rarely.'),
    response: optionalMarkdown('How we answer or fix it.'),
  })).optional().describe('The most frequent complaints.'),
  improvements: textList('What can be improved.').optional(),
}).describe('Section 4: what customers care about.');

export const CalendarSlotSchema = z.strictObject({
  when: text('Time slot or weekday, e.g. "09:00", "Mon 20:00" or "每周四".'),
  column: text('Column or content module, e.g. "Daily check-in" or "新品种草".'),
  format: text('Format, e.g. image+text, short video, live stream, quiz.'),
  owner: text('Person responsible (a name from task allocation).'),
  activityRelated: z.boolean().describe('Whether the slot promotes or runs an activity.').optional(),
  note: optionalMarkdown('Note.'),
});

export const CostItemSchema = z.strictObject({
  item: text('What the money is for.'),
  category: text('Category, e.g. Tools, Content, Prizes, Advertising.'),
  amount: money('Amount for the whole planning horizon.'),
  priority: z.enum(PRIORITIES).describe('essential (the plan fails without it) or optional (nice to have).'),
  note: optionalMarkdown('Note.'),
});

export const AccountPlanSchema = z.strictObject({
  contentCalendar: z.array(CalendarSlotSchema).min(1, { error: 'needs at least one slot: what is published when' })
    .describe('What is published when (the content SOP).'),
  menu: z.array(z.strictObject({
    name: text('Menu name.'),
    items: z.array(z.strictObject({
      name: text('Item name.'),
      content: text('What the item opens.'),
    })).max(5, { error: 'WeChat allows at most 5 items under one menu' }).optional().describe('Items under this menu: up to 5.'),
  })).max(3, { error: 'WeChat allows at most 3 menus' }).optional().describe('Custom menu: up to 3 menus of up to 5 items.'),
  promotion: z.array(z.strictObject({
    channel: text('Where the account is promoted, e.g. QR-code posters, Weibo, field sales.'),
    method: markdown('How.'),
  })).optional().describe('How the account is promoted.'),
  tools: optionalMarkdown('Third-party tools to buy, and why.'),
  costs: z.array(CostItemSchema).min(1, { error: 'needs at least one cost item: the boss wants to see the budget' })
    .describe('The cost list: every cost, essential or optional.'),
  departments: z.array(z.strictObject({
    department: text('Department whose cooperation is needed.'),
    needFor: markdown('What we need from them.'),
  })).optional().describe('Departments that must cooperate, so the boss can arrange it in advance.'),
}).describe('Section 5: daily content, menu, promotion, cost list and departments.');

export const KpiSchema = z.strictObject({
  metric: text('What is measured, e.g. "Article reads".'),
  target: z.number().min(0, { error: 'must not be negative' }).describe('Target value; a percentage in percent points when unit is percent.'),
  unit: z.enum(KPI_UNITS).default('count').describe('count, percent or money.'),
  period: z.enum(KPI_PERIODS).default('month').describe('The period the target is for: day, week, month or quarter.'),
}).refine((kpi) => kpi.unit !== 'percent' || kpi.target <= 100, {
  error: 'is a percentage and cannot be over 100',
  path: ['target'],
});

export const PersonSchema = z.strictObject({
  name: text('Person\'s name.'),
  role: text('Role, e.g. operations lead, customer service.'),
  duties: textList('Responsibilities.').min(1, { error: 'needs at least one duty' }),
  dailyTasks: textList('What they do every day.').optional(),
  kpis: z.array(KpiSchema).optional().describe('How their performance is evaluated.'),
});

export const CommissionTierSchema = z.strictObject({
  threshold: money('Sales above which this tier applies.'),
  ratePercent: percent('Commission rate.'),
});

export const TeamSchema = z.strictObject({
  people: z.array(PersonSchema).min(1, { error: 'needs at least one person: write it even when one person does everything' })
    .describe('Who does what.'),
  commission: z.array(CommissionTierSchema).optional()
    .describe('Commission tiers by sales amount, listed from the lowest threshold up.'),
  evaluation: optionalMarkdown('How performance is evaluated overall.'),
}).superRefine((team, ctx) => {
  team.commission?.forEach((tier, index) => {
    const previous = team.commission?.[index - 1];
    if (previous && tier.threshold <= previous.threshold) {
      ctx.addIssue({
        code: 'custom',
        path: ['commission', index, 'threshold'],
        message: `must be above the previous tier's threshold (${previous.threshold}): list tiers from the lowest sales threshold up`,
      });
    }
  });
}).describe('Section 6: task allocation, duties, KPIs and commission.');

export const GrowthKpiSchema = z.strictObject({
  metric: text('What is measured, e.g. "Monthly active members".'),
  unit: z.enum(KPI_UNITS).default('count').describe('count, percent or money.'),
  targets: z.array(z.number().min(0, { error: 'must not be negative' })).min(1, { error: 'needs a target per quarter' })
    .describe('One target per quarter, in order.'),
});

export const GrowthSchema = z.strictObject({
  baseline: z.strictObject({
    followers: count('Followers (or members) at the start of the plan.'),
    metrics: z.array(z.strictObject({
      metric: text('A metric at the start, e.g. "Average reads per article".'),
      value: z.number().describe('Its value.'),
      unit: text('Unit, e.g. "reads" or "%".').optional(),
    })).optional().describe('Other metrics at the start.'),
  }).describe('Where the account stands at the start.'),
  quarterlyGrowthPercent: z.union([
    z.number().min(0, { error: 'must not be negative' }).max(100, { error: 'is a percentage and cannot be over 100' }),
    z.array(z.number().min(0, { error: 'must not be negative' }).max(100, { error: 'is a percentage and cannot be over 100' })),
  ]).optional().describe('Follower growth per quarter in percent points: one number for every quarter, or one per quarter. Give this or targets.'),
  targets: z.array(count('Followers at the end of the quarter.')).optional()
    .describe('Followers at the end of each quarter. Give this or quarterlyGrowthPercent.'),
  kpis: z.array(GrowthKpiSchema).optional().describe('Other KPIs with a target per quarter.'),
  businessImpact: markdown('How the growth helps the business.'),
}).describe('Section 7: growth forecast, every quarter.');

export const PlanSchema = z.strictObject({
  $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors.'),
  schemaVersion: z.literal(SCHEMA_VERSION).describe(`Version of the answers file format; currently ${SCHEMA_VERSION}.`),
  meta: MetaSchema,
  competitorAnalysis: CompetitorAnalysisSchema,
  value: ValueSchema,
  activities: ActivitiesSchema,
  customerConcerns: CustomerConcernsSchema,
  accountPlan: AccountPlanSchema,
  team: TeamSchema,
  growth: GrowthSchema,
}).superRefine((plan, ctx) => {
  const quarters = plan.meta.horizon.quarters;
  const { growth } = plan;
  const hasRate = growth.quarterlyGrowthPercent !== undefined;
  const hasTargets = growth.targets !== undefined;
  if (hasRate === hasTargets) {
    ctx.addIssue({
      code: 'custom',
      path: ['growth'],
      message: hasRate
        ? 'give either quarterlyGrowthPercent or targets, not both'
        : 'needs quarterlyGrowthPercent (growth per quarter) or targets (followers at the end of each quarter)',
    });
  }
  const perQuarter: Array<[string[], unknown[] | undefined]> = [
    [['growth', 'targets'], growth.targets],
    [['growth', 'quarterlyGrowthPercent'], Array.isArray(growth.quarterlyGrowthPercent) ? growth.quarterlyGrowthPercent : undefined],
    ...(growth.kpis ?? []).map((kpi, index): [string[], unknown[]] => [['growth', 'kpis', String(index), 'targets'], kpi.targets]),
  ];
  for (const [path, list] of perQuarter) {
    if (list && list.length !== quarters) {
      ctx.addIssue({
        code: 'custom',
        path: path.map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        message: `has ${list.length} ${list.length === 1 ? 'value' : 'values'} but the plan covers ${quarters} quarters (meta.horizon.quarters): give one per quarter`,
      });
    }
  }
  growth.kpis?.forEach((kpi, index) => {
    if (kpi.unit === 'percent') {
      kpi.targets.forEach((target, quarter) => {
        if (target > 100) {
          ctx.addIssue({ code: 'custom', path: ['growth', 'kpis', index, 'targets', quarter], message: 'is a percentage and cannot be over 100' });
        }
      });
    }
  });
}).describe('Answers for a WeChat operations plan (opsplan).');

export type Plan = z.infer<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
export type Meta = Plan['meta'];
export type Language = Meta['language'];
export type Competitor = z.infer<typeof CompetitorSchema>;
export type PastActivity = z.infer<typeof PastActivitySchema>;
export type PlannedActivity = z.infer<typeof PlannedActivitySchema>;
export type CostItem = z.infer<typeof CostItemSchema>;
export type CalendarSlot = z.infer<typeof CalendarSlotSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Kpi = z.infer<typeof KpiSchema>;
export type CommissionTier = z.infer<typeof CommissionTierSchema>;
export type KpiUnit = (typeof KPI_UNITS)[number];

/** The seven sections in the order the plan presents them; keys of the answers file. */
export const SECTION_KEYS = [
  'competitorAnalysis',
  'value',
  'activities',
  'customerConcerns',
  'accountPlan',
  'team',
  'growth',
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
