/**
 * Built-in buyer questions per kind of business, offered when no model is configured (or wanted).
 * Written as buyers ask assistants — about the need, the choice and the brand itself — with the
 * brand's name put in where a buyer would name it. Competitors cannot be known from a template,
 * so templates suggest prompts only.
 */
/** A suggested prompt (the schemas' SuggestedPrompt). */
export type TemplatePrompt = {
  text: string;
  tags: string[];
};

export const TEMPLATE_CATEGORIES = [
  'software',
  'ecommerce',
  'finance',
  'travel',
  'health',
  'local-services',
  'generic',
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** Words in a free-text category that point to a template set. */
const KEYWORDS: Array<[TemplateCategory, RegExp]> = [
  ['software', /software|saas|\bapp\b|platform|tool|crm|erp|cloud|api|logiciel/i],
  ['ecommerce', /e-?commerce|shop|store|retail|boutique|fashion|marketplace|d2c|dtc/i],
  ['finance', /financ|bank|insur|invest|loan|credit|fintech|payment|accounting|mortgage/i],
  ['travel', /travel|hotel|flight|airline|tour|holiday|vacation|booking|voyage/i],
  ['health', /health|clinic|medic|pharma|dental|fitness|wellness|care|santé/i],
  ['local-services', /local|plumb|electric|clean|repair|salon|restaurant|lawyer|agency|garage|moving/i],
];

/** The template set for a category given as free text (a set's own name, or words that point to one). */
export function templateCategoryOf(category: string | undefined): TemplateCategory {
  const given = category?.trim().toLowerCase() ?? '';
  const exact = TEMPLATE_CATEGORIES.find((c) => c === given || c.replace('-', ' ') === given);
  if (exact) return exact;
  return KEYWORDS.find(([, words]) => words.test(given))?.[0] ?? 'generic';
}

/** {brand} is the own brand, {what} what it sells (the category as given, or the set's noun). */
const TEMPLATES: Record<TemplateCategory, { noun: string; prompts: Array<[string, string]> }> = {
  software: {
    noun: 'software',
    prompts: [
      ['What is the best {what} for a small business?', 'category'],
      ['Which {what} do you recommend for a team of 20 people?', 'category'],
      ['What are the best alternatives to {brand}?', 'brand'],
      ['Is {brand} worth the price?', 'brand'],
      ['Which {what} has the best integrations with the tools we already use?', 'category'],
      ['What is the easiest {what} to set up without an IT team?', 'category'],
      ['Which {what} is most secure and GDPR compliant?', 'category'],
      ['What do users complain about most with {brand}?', 'brand'],
    ],
  },
  ecommerce: {
    noun: 'products',
    prompts: [
      ['Where can I buy good quality {what} online?', 'category'],
      ['Which online stores are the most trusted for {what}?', 'category'],
      ['Is {brand} a reliable place to order from?', 'brand'],
      ['Which stores selling {what} offer free shipping and easy returns?', 'category'],
      ['What are some alternatives to {brand}?', 'brand'],
      ['What are the best {what} deals right now?', 'category'],
      ['Which brands of {what} are the most sustainable?', 'category'],
      ['How good is {brand} customer service?', 'brand'],
    ],
  },
  finance: {
    noun: 'financial service',
    prompts: [
      ['What is the best {what} provider for a small business?', 'category'],
      ['Which {what} has the lowest fees?', 'category'],
      ['Is {brand} safe and regulated?', 'brand'],
      ['What are the best alternatives to {brand}?', 'brand'],
      ['Which {what} company has the best customer reviews?', 'category'],
      ['How do I choose a {what} provider?', 'category'],
      ['What are the pros and cons of {brand}?', 'brand'],
      ['Which {what} is best for freelancers?', 'category'],
    ],
  },
  travel: {
    noun: 'travel',
    prompts: [
      ['What is the best site to book {what}?', 'category'],
      ['Where can I find cheap {what} deals?', 'category'],
      ['Is {brand} trustworthy for booking?', 'brand'],
      ['What are good alternatives to {brand}?', 'brand'],
      ['Which {what} company has the most flexible cancellation policy?', 'category'],
      ['What are the best {what} options for families?', 'category'],
      ['How does {brand} compare with its competitors on price?', 'brand'],
      ['Which {what} booking sites do frequent travellers recommend?', 'category'],
    ],
  },
  health: {
    noun: 'healthcare',
    prompts: [
      ['Where can I find reliable {what} near me?', 'category'],
      ['What are the best {what} providers according to patients?', 'category'],
      ['Is {brand} a good choice?', 'brand'],
      ['What are the alternatives to {brand}?', 'brand'],
      ['Which {what} providers accept my insurance?', 'category'],
      ['How do I choose a trustworthy {what} provider?', 'category'],
      ['What do reviews say about {brand}?', 'brand'],
      ['Which {what} options are best value for money?', 'category'],
    ],
  },
  'local-services': {
    noun: 'local service',
    prompts: [
      ['Who is the best {what} provider near me?', 'category'],
      ['How much does a good {what} provider cost?', 'category'],
      ['Is {brand} reliable?', 'brand'],
      ['What are good alternatives to {brand}?', 'brand'],
      ['Which {what} companies have the best reviews in my area?', 'category'],
      ['What should I ask before hiring a {what} provider?', 'category'],
      ['Can I get a quote from {brand} quickly?', 'brand'],
      ['Which {what} providers are available at short notice?', 'category'],
    ],
  },
  generic: {
    noun: 'product',
    prompts: [
      ['What is the best {what} available today?', 'category'],
      ['Which {what} do experts recommend?', 'category'],
      ['What are the best alternatives to {brand}?', 'brand'],
      ['Is {brand} any good?', 'brand'],
      ['How do I choose the right {what}?', 'category'],
      ['Which {what} is the best value for money?', 'category'],
      ['What do customers say about {brand}?', 'brand'],
      ['Which {what} brands are the most trusted?', 'category'],
    ],
  },
};

/** The template set's prompts for a brand, with its name and what it sells put in. */
export function templatePrompts(
  brandName: string,
  category: string | undefined,
): { category: TemplateCategory; prompts: TemplatePrompt[] } {
  const set = templateCategoryOf(category);
  const template = TEMPLATES[set];
  const given = category?.trim();
  // A category given in words ("CRM", "running shoes") reads better than the set's noun.
  const what = given && !TEMPLATE_CATEGORIES.some((c) => c === given.toLowerCase()) ? given : template.noun;
  return {
    category: set,
    prompts: template.prompts.map(([text, tag]) => ({
      text: text.replaceAll('{brand}', brandName.trim()).replaceAll('{what}', what),
      tags: [tag, set],
    })),
  };
}
