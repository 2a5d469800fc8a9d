import { Link } from 'react-router'

/** A figure that opens the list behind it; zero has nothing behind it. */
export function FigureLink({ value, to, label }: { value: number; to: string; label: string }) {
  if (value === 0) return <>0</>
  return (
    <Link to={to} className="figure-link">
      {value}
      <span className="visually-hidden"> — {label}</span>
    </Link>
  )
}
