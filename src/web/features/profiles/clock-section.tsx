import { useState, useSyncExternalStore } from 'react'
import { useSaveClock, useSession } from '../../api/identity.ts'
import { LiveStatus } from '../../components/feedback.tsx'
import { RadioGroup, SelectField } from '../../components/fields.tsx'
import { browserHourCycle, chosenHourCycle, formatWallTime, setHourCycle, subscribeHourCycle, type HourCycle } from '../../components/format.ts'
import { errorMessage, isAppError } from '../../api/client.ts'
import { browserTimeZone, zoneOptions } from '../../components/time-zone-options.ts'
import { timeZoneLabel } from '#shared/reference/time-zones.ts'

const SAMPLE = '13:30'

/**
 * How this person reads times: a 12- or 24-hour clock (or the browser's habit) on every page and
 * in e-mails, and the zone e-mails use. Saved on the account, so every browser and every e-mail
 * follows it; pages show times in the device's own zone whatever is chosen.
 */
export function ClockSection() {
  const session = useSession()
  const saved = session.data?.clock ?? { timeZone: null, hourCycle: null }
  const chosen = useSyncExternalStore(subscribeHourCycle, chosenHourCycle, () => null)
  const save = useSaveClock()
  const [everyZone, setEveryZone] = useState(false)
  const [said, say] = useState<string | null>(null)
  const browser = browserHourCycle()
  const cycleOptions = [
    { value: 'browser', label: `As this browser does (${formatWallTime(SAMPLE, browser)})` },
    { value: '12h', label: `12-hour clock (${formatWallTime(SAMPLE, '12h')})` },
    { value: '24h', label: `24-hour clock (${formatWallTime(SAMPLE, '24h')})` },
  ]
  const zoneChoices = [{ value: '', label: 'Not chosen (each e-mail names its zone)' }, ...zoneOptions(saved.timeZone ?? browserTimeZone(), everyZone)]
  const fields = isAppError(save.error) ? (save.error.fields ?? {}) : {}
  const failed = save.error && !fields.hourCycle && !fields.timeZone ? errorMessage(save.error) : undefined

  const saveClock = (next: { timeZone: string | null; hourCycle: HourCycle | null }, message: string) => {
    say(null)
    save.mutate(next, { onSuccess: () => say(message) })
  }
  const onCycle = (value: string) => {
    const next = value === '12h' || value === '24h' ? (value as HourCycle) : null
    // Pages follow at once; the account (and so e-mails and other browsers) a moment later.
    setHourCycle(next)
    saveClock(
      { timeZone: saved.timeZone, hourCycle: next },
      `Saved. Times now show as ${formatWallTime(SAMPLE, next ?? browser)} on every page${next ? ' and in e-mails' : ''}.`,
    )
  }
  const onZone = (value: string) => {
    const zone = value || null
    saveClock(
      { timeZone: zone, hourCycle: chosen },
      zone ? `Saved. E-mails give times in ${timeZoneLabel(zone)}.` : 'Saved. E-mails give times in the mentor’s or the event’s zone.',
    )
  }
  return (
    <section id="clock" className="card edit-section" aria-labelledby="edit-clock">
      <h2 id="edit-clock">Times</h2>
      <RadioGroup
        id="clock-hourCycle"
        name="clock-hourCycle"
        label="Show times as"
        hint="On every page. E-mails follow a clock you choose here, and use 12 hours otherwise."
        options={cycleOptions}
        value={chosen ?? saved.hourCycle ?? 'browser'}
        onChange={onCycle}
        error={fields.hourCycle}
      />
      <SelectField
        id="clock-timeZone"
        label="Time zone for e-mails"
        hint={`Pages show times in this device’s zone (now ${timeZoneLabel(browserTimeZone())}).`}
        options={zoneChoices}
        value={saved.timeZone ?? ''}
        onChange={(e) => onZone(e.currentTarget.value)}
        error={fields.timeZone ?? failed}
      />
      <button type="button" className="button-link" aria-controls="clock-timeZone" onClick={() => setEveryZone((every) => !every)}>
        {everyZone ? 'Show the usual time zones only' : 'Outside the United States? Show every time zone'}
      </button>
      <LiveStatus message={said} />
    </section>
  )
}
