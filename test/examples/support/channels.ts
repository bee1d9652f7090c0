/** The channels the examples serve in the tests. No `node:` import: the test Worker uses it too. */
import type { ChannelConfig } from '../../../examples/shared/webhook-handling.js'

/** The default channel's secret is the one the legacy conformance body was signed with. */
export const CHANNEL_ID = '1234567890'
export const CHANNEL_SECRET = 'testsecret'
/** Another channel, served only at /social/on/line/:channelId. */
export const OTHER_CHANNEL_ID = '2000000001'
export const OTHER_CHANNEL_SECRET = 'another channel secret'

export const channelConfig: ChannelConfig = {
  channels: {
    [CHANNEL_ID]: { secret: CHANNEL_SECRET },
    [OTHER_CHANNEL_ID]: { secret: OTHER_CHANNEL_SECRET },
  },
  defaultChannel: CHANNEL_ID,
}

/** Small, so the limit tests send little. */
export const MAX_BODY_BYTES = 16 * 1024
