import type { AssignmentSummary } from '@app/domain';
import { withOwnClock } from './assignment-summary.repository';

const NOTICE_DUE = '2024-04-12T16:59:59.999Z';

const parent: AssignmentSummary = {
  id: 'TB-1.1',
  directiveId: 'TB-1',
  parentId: null,
  kind: 'eachOf',
  paragraph: 'Mục 3.1',
  text: 'Các huyện ủy rà soát quy hoạch',
  stage: 'tracking',
  status: 'inProgressOverdue',
  agencies: [
    { agency: 'BTV-HUONGSON', role: 'lead' },
    { agency: 'BTV-NGHIXUAN', role: 'lead' },
  ],
  lead: null,
  coordinators: [],
  dueAt: NOTICE_DUE,
  originalDueAt: NOTICE_DUE,
  adjustedDueAt: NOTICE_DUE,
  paused: false,
  pausedMsTotal: 0,
  pendingExtensionDueAt: null,
  verdict: null,
  closedAt: null,
  overdueLevel: 2,
  tracks: null,
  centralCompetence: true,
};

/** Nghi Xuân's track: back from the Centre (ten days paused), then reported and confirmed on time. */
const track: AssignmentSummary = {
  ...parent,
  id: 'TB-1.1.BTV-NGHIXUAN',
  parentId: 'TB-1.1',
  kind: 'track',
  agencies: [{ agency: 'BTV-NGHIXUAN', role: 'lead' }],
  lead: 'BTV-NGHIXUAN',
  stage: 'closed',
  status: 'doneOnTime',
  dueAt: '2024-04-22T16:59:59.999Z',
  adjustedDueAt: '2024-04-22T16:59:59.999Z',
  pausedMsTotal: 10 * 86_400_000,
  verdict: 'onTime',
  closedAt: '2024-04-15T02:00:00.000Z',
  overdueLevel: 0,
  stageDeadlines: { acknowledge: { dueAt: '2024-03-06T16:59:59.999Z', reached: true, missed: false } },
};

describe('withOwnClock', () => {
  it('shows an "each of" parent at its agency\'s track: its stage, verdict, closing and clock', () => {
    expect(withOwnClock(parent, track)).toEqual({
      ...parent,
      stage: 'closed',
      status: 'doneOnTime',
      verdict: 'onTime',
      closedAt: '2024-04-15T02:00:00.000Z',
      dueAt: '2024-04-22T16:59:59.999Z',
      originalDueAt: NOTICE_DUE,
      adjustedDueAt: '2024-04-22T16:59:59.999Z',
      paused: false,
      pausedMsTotal: 10 * 86_400_000,
      pendingExtensionDueAt: null,
      overdueLevel: 0,
      stageDeadlines: track.stageDeadlines,
    });
  });

  it('keeps the whole\'s identity, text, agencies and tracks, and gives it no milestones its track has none of', () => {
    const { stageDeadlines: _none, ...withoutMilestones } = track;
    const shown = withOwnClock(parent, withoutMilestones);
    expect(shown).toMatchObject({ id: parent.id, kind: 'eachOf', parentId: null, lead: null, agencies: parent.agencies, text: parent.text });
    expect(shown).not.toHaveProperty('stageDeadlines');
  });
});
