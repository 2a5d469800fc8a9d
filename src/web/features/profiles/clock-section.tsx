import { useState, useSyncExternalStore } from 'react'
import { LiveStatus } from '../../components/feedback.tsx'
import { RadioGroup } from '../../components/fields.tsx'
import { browserHourCycle, chosenHourCycle, formatWallTime, setHourCycle, subscribeHourCycle, type HourCycle } from '../../components/format.ts'

const SAMPLE = '13:30'

/**
 * How this person reads times on every page: the browser's habit, or a 12- or 24-hour clock.
 * Takes effect at once; kept in this browser.
 */
export function ClockSection() {
  const chosen = useSyncExternalStore(subscribeHourCycle, chosenHourCycle, () => null)
  const [said, say] = useState<string | null>(null)
  const browser = browserHourCycle()
  const options = [
    { value: 'browser', label: `As this browser does (${formatWallTime(SAMPLE, browser)})` },
    { value: '12h', label: `12-hour clock (${formatWallTime(SAMPLE, '12h')})` },
    { value: '24h', label: `24-hour clock (${formatWallTime(SAMPLE, '24h')})` },
  ]
  const onChange = (value: string) => {
    const next = value === '12h' || value === '24h' ? (value as HourCycle) : null
    setHourCycle(next)
    say(`Times now show as ${formatWallTime(SAMPLE, next ?? browser)} on every page, in this browser.`)
  }
  return (
    <section id="clock" className="card edit-section" aria-labelledby="edit-clock">
      <h2 id="edit-clock">Times</h2>
      <RadioGroup
        id="clock-hourCycle"
        name="clock-hourCycle"
        label="Show times as"
        hint="Times are always shown in this device’s time zone. This choice is kept in this browser."
        options={options}
        value={chosen ?? 'browser'}
        onChange={onChange}
      />
      <LiveStatus message={said} />
    </section>
  )
}
