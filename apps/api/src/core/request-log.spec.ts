import { withoutCredentials } from './request-log';

describe('the request as logged', () => {
  it('keeps no bearer token: not the header, not the event stream’s access_token in the URL or the query', () => {
    const logged = withoutCredentials({
      url: '/api/events/stream?access_token=ddc_secret&after=1.2',
      query: { access_token: 'ddc_secret', after: '1.2' },
      headers: { authorization: 'Bearer ddc_secret', accept: 'text/event-stream' },
    });
    expect(JSON.stringify(logged)).not.toContain('ddc_secret');
    expect(logged).toEqual({
      url: '/api/events/stream?access_token=[redacted]&after=1.2',
      query: { access_token: '[redacted]', after: '1.2' },
      headers: { authorization: '[redacted]', accept: 'text/event-stream' },
    });
  });

  it('leaves a request without credentials as it was', () => {
    const request = { url: '/health', headers: { accept: 'application/json' } };
    expect(withoutCredentials(request)).toEqual(request);
  });
});
