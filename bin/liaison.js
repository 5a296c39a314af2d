#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader so that no compile step is needed before start.
import { register } from 'tsx/esm/api'

register()
await import('../src/cli/main.ts')
