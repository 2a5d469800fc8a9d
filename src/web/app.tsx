import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createBrowserRouter, RouterProvider } from 'react-router'
import { AppError } from '#shared/errors.ts'
import { sessionKey } from './api/identity.ts'
import { routes } from './routes.tsx'

/**
 * A 401 from any request means the session ended (expired, or an admin disabled the account):
 * forget it, and the route guard sends the person to sign in and back afterwards.
 */
function onAnyError(error: unknown) {
  if (error instanceof AppError && error.code === 'NOT_AUTHENTICATED') {
    queryClient.setQueryData(sessionKey, null)
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAnyError }),
  mutationCache: new MutationCache({ onError: onAnyError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retrying a refusal does not change the answer; retry only what may be passing trouble.
      retry: (failures, error) => failures < 2 && !(error instanceof AppError && error.status < 500),
    },
  },
})

const router = createBrowserRouter(routes)

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  )
}
