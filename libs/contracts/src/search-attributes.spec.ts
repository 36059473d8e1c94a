import { SearchAttributeType } from '@temporalio/common';
import { DIRECTIVE_ATTRIBUTE, NEXT_DUE_ATTRIBUTE, searchAttributesFromWire, searchAttributesToWire, STATUS_ATTRIBUTE } from './search-attributes';

describe('search attributes across an activity boundary', () => {
  it('come back with their keys and a DATETIME as a Date', () => {
    const pairs = [
      { key: STATUS_ATTRIBUTE, value: 'inProgressOnTime' },
      { key: DIRECTIVE_ATTRIBUTE, value: 'TB-123-HĐ/TU' },
      { key: NEXT_DUE_ATTRIBUTE, value: new Date('2026-12-01T02:00:00.000Z') },
    ];
    const wire = JSON.parse(JSON.stringify(searchAttributesToWire(pairs)));
    const back = searchAttributesFromWire(wire);
    expect(back).toEqual(pairs);
    expect(back[2].key.type).toBe(SearchAttributeType.DATETIME);
    expect(back[2].value).toBeInstanceOf(Date);
  });

  it('refuse a name that is not an assignment attribute', () => {
    expect(() => searchAttributesFromWire([{ name: 'CustomKeywordField', value: 'x' }])).toThrow('Unknown assignment search attribute CustomKeywordField');
  });
});
