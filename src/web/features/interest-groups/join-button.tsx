import type { InterestGroupSummary } from '#shared/contracts/interest-groups.ts'
import { useJoinGroup, useLeaveGroup } from './api.ts'

/** Join or leave, for a student; the group's name goes into the button's name, as a list has one per group. */
export function JoinButton({ group }: { group: Pick<InterestGroupSummary, 'id' | 'name' | 'myRole'> }) {
  const join = useJoinGroup(group.id)
  const leave = useLeaveGroup(group.id)
  const pending = join.isPending || leave.isPending
  if (group.myRole)
    return (
      <button type="button" className="button button-secondary" disabled={pending} onClick={() => leave.mutate(undefined)}>
        {leave.isPending ? 'Leaving…' : 'Leave group'}
        <span className="visually-hidden"> {group.name}</span>
      </button>
    )
  return (
    <button type="button" className="button" disabled={pending} onClick={() => join.mutate(undefined)}>
      {join.isPending ? 'Joining…' : 'Join group'}
      <span className="visually-hidden"> {group.name}</span>
    </button>
  )
}
