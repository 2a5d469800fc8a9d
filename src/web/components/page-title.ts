import { useEffect } from 'react'

export const APP_NAME = 'Preceptor'

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · ${APP_NAME}`
  }, [title])
}
