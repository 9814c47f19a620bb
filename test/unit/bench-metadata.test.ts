import { describe, expect, it } from 'vitest';
import { bylineKey, disagreementKind, sameDateAsTruth, scoreTruth, type MetadataPageRecord } from '../../bench/metadata';

describe('bench metadata scoring', () => {
  it('sorts a mismatch by how the two values differ', () => {
    expect(disagreementKind('publishedTime', '2015-03-10', null)).toBe('onlyOurs');
    expect(disagreementKind('byline', null, 'Ann')).toBe('onlyExpected');
    expect(disagreementKind('publishedTime', '2021-11-01T10:52:50+01:00', '2021-11-01T10:52:50+0100')).toBe('sameInstant');
    expect(disagreementKind('publishedTime', '2021-11-01T10:52:50+01:00', '2021-11-02T10:52:50+01:00')).toBe('different');
    expect(disagreementKind('byline', 'AFP', 'Par Jean Roe')).toBe('different');
  });

  it('compares bylines as names', () => {
    expect(bylineKey('By GILLIAN ROE')).toBe(bylineKey('Gillian Roe'));
    expect(bylineKey('Par  Jean Roe.')).toBe('jean roe');
    expect(bylineKey('Follow Author')).not.toBe(bylineKey('Ann Roe'));
    expect(bylineKey('  ')).toBeNull();
  });

  it('compares dates as instants, local times or days, whichever both state', () => {
    expect(sameDateAsTruth('2016-11-15T07:00:00.000Z', '2016-11-15T07:00:00Z')).toBe(true);
    expect(sameDateAsTruth('2017-02-24T01:18:13Z', '2017-02-23T17:18:13-08:00')).toBe(true);
    expect(sameDateAsTruth('2017-11-03 03:01:00.000000', '2017-11-03T03:01:00-04:00')).toBe(true);
    expect(sameDateAsTruth('2017-03-10', '2017-03-10T09:58')).toBe(true);
    expect(sameDateAsTruth('2015-03-12T13:11:07Z', '2015-03-11T15:46')).toBe(false);
    expect(sameDateAsTruth('2017-11-17T10:41:09Z', '2017-11-16T14:15+00:00')).toBe(false);
    expect(sameDateAsTruth(null, null)).toBe(true);
    expect(sameDateAsTruth('2016-09-14T07:07:00-04:00', null)).toBe(false);
  });

  it('scores each system and expected-metadata.json against the hand-checked values', () => {
    const records: MetadataPageRecord[] = [
      {
        name: 'p1',
        expected: { byline: 'Follow Author', publishedTime: null },
        results: {
          clearpage: { metadata: { title: 't', byline: 'Ann Roe', siteName: null, publishedTime: '2020-01-01', lang: null, dir: null, excerpt: null }, mismatches: [] },
          readability: { metadata: { title: 't', byline: 'Follow Author', siteName: null, publishedTime: null, lang: null, dir: null, excerpt: null }, mismatches: [] },
        },
      },
    ];
    const truth = {
      about: 'test',
      pages: {
        p1: { byline: { value: 'Ann Roe', reason: 'r' }, publishedTime: { value: '2020-01-01T09:00', reason: 'r' } },
        absent: { byline: { value: 'X', reason: 'not in this run' } },
      },
    };
    const s = scoreTruth(records, truth, ['clearpage', 'readability'])!;
    expect(s.fields.byline).toMatchObject({ annotated: 2, scored: 1, correct: { clearpage: 1 } });
    expect(s.fields.byline.wrong.readability).toEqual(['p1']);
    expect(s.fields.byline.wrong.expected).toEqual(['p1']);
    expect(s.fields.publishedTime.correct.clearpage).toBe(1);
    expect(s.fields.publishedTime.wrong.readability).toEqual(['p1']);
    expect(scoreTruth(records, null, ['clearpage'])).toBeNull();
  });
});
