import { ValidateBy } from 'class-validator';
import { findAgency, matchAgencies, type Agency } from '@app/agencies';

/** The province's or a district's body, when that is all the text names ("UBND tỉnh", "Ban Tổ chức Tỉnh ủy"). */
function provincialBodyNamed(text: string): Agency | undefined {
  const name = text.normalize('NFC').trim();
  const [match] = matchAgencies(name);
  if (match === undefined || match.span[0] !== 0 || match.span[1] !== name.length) return undefined;
  const agency = findAgency(match.code);
  return agency?.level === 'central' ? undefined : agency;
}

/** A body escalated to is the Centre's (free text: "Ban Bí thư", "Bộ Nội vụ"…), never a body of the province. */
export function IsCentralBodyName(): PropertyDecorator {
  return ValidateBy({
    name: 'isCentralBodyName',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || provincialBodyNamed(value) === undefined,
      defaultMessage: (args) => {
        const agency = provincialBodyNamed(String(args?.value ?? ''));
        return `${args?.property ?? 'centralBody'} names ${agency?.code} (${agency?.name}), a body of the province: escalation goes to the Centre (the central bodies of GET /api/agencies: TW, BTCTW, CP…)`;
      },
    },
  });
}
