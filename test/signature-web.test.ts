import { vi } from 'vitest'
import * as api from '../src/index.js'
import { signatureContract } from './signature-contract.js'

// What every runtime but Node loads: tsup's web build resolves the platform HMAC to Web Crypto.
vi.mock('../src/crypto/platform.js', () => import('../src/crypto/web.js'))

signatureContract('Web Crypto, the web build', api)
