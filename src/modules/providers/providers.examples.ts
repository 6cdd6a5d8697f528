/** Example for the OpenAPI document, taken from a real GET /v1/providers answer and trimmed to one provider. */
export const providersExample = {
  providers: [
    {
      name: 'openai',
      label: 'OpenAI',
      channel: 'api',
      configured: true,
      keySource: 'deployment',
      organizationKeys: true,
      userEndpoint: false,
      models: [
        {
          id: 'gpt-5.4*',
          note: 'gpt-5.4 accepts temperature/top_p only with reasoning effort "none" [3p citing OpenAI docs]; efforts [mem]',
          sampling: 'with_effort_none',
          efforts: ['none', 'low', 'medium', 'high', 'xhigh'],
          webSearch: 'yes',
          api: null,
        },
      ],
      parameters: [
        {
          name: 'temperature',
          type: 'number',
          required: false,
          min: 0,
          max: 2,
          description: 'Sampling temperature: the higher, the more answers vary from sample to sample',
        },
        {
          name: 'webSearch',
          type: 'boolean',
          required: false,
          default: false,
          description: 'Let the model search the web; its answers then cite what it read',
        },
        {
          name: 'reasoningEffort',
          type: 'enum',
          required: false,
          values: ['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max'],
          description:
            'How long the model reasons before answering; the values a model accepts are in models[].efforts',
        },
      ],
      refused: [
        {
          name: 'locale',
          reason:
            "OpenAI has no locale parameter; the prompt's language drives the answer (use userLocation with webSearch for search results)",
        },
      ],
    },
  ],
};
