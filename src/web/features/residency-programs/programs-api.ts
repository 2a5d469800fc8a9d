import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ProgramDetail, ProgramSearchResult, ProgramsImportReport, SavedProgramResponse } from '#shared/contracts/residency-programs.ts'
import { api } from '../../api/client.ts'

export const programKeys = {
  all: ['residency-programs'] as const,
  search: (search: string) => ['residency-programs', 'search', search] as const,
  program: (id: string) => ['residency-programs', 'program', id] as const,
}

/** Searches with the page's own query string, so the address bar and the request always agree. */
export function useProgramSearch(search: string) {
  return useQuery({
    queryKey: programKeys.search(search),
    queryFn: ({ signal }) => api<ProgramSearchResult>(`/api/residency-programs${search ? `?${search}` : ''}`, { signal }),
    placeholderData: keepPreviousData,
  })
}

export function useProgram(programId: string) {
  return useQuery({
    queryKey: programKeys.program(programId),
    queryFn: ({ signal }) => api<ProgramDetail>(`/api/residency-programs/${encodeURIComponent(programId)}`, { signal }),
  })
}

/** Saves a program to the student's list, or takes it off; every page that shows the list refreshes. */
export function useSaveProgram() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ programId, save }: { programId: string; save: boolean }) =>
      api<SavedProgramResponse>(`/api/residency-programs/${encodeURIComponent(programId)}/saved`, { method: save ? 'PUT' : 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: programKeys.all })
      void client.invalidateQueries({ queryKey: ['list-builder', 'programs'] })
    },
  })
}

/** Checks (dryRun) or imports a CSV file. The file goes as text/csv whatever type the browser guessed. */
export function useImportPrograms() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: Blob; dryRun: boolean }) =>
      api<ProgramsImportReport>(dryRun ? '/api/residency-programs/import/check' : '/api/residency-programs/import', {
        method: 'POST',
        raw: new Blob([file], { type: 'text/csv' }),
      }),
    onSuccess: (report) => {
      if (report.imported) void client.invalidateQueries({ queryKey: programKeys.all })
    },
  })
}
