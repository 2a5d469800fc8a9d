import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// The design system first, so page and feature styles build on its tokens and may refine it.
import './design-system.css'
import { App } from './app.tsx'
import './styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element.')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
