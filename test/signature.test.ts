import * as api from '../src/index.js'
import { signatureContract } from './signature-contract.js'

signatureContract('node:crypto, the node build', api)
