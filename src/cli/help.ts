/** What `line-webhook --help` prints. */
export const HELP = `Usage: line-webhook <command> [options] [file]

Sign, verify, decode and send LINE Messaging API webhook bodies. The body is read
from file, or from standard input when no file (or -) is given, byte for byte.

Commands:
  sign [file]      Print the x-line-signature of the body.
  verify [file]    Exit 0 if --signature holds for the body; else print why it
                   does not (the diagnosis) and exit 1.
  decode [file]    Print the decoded webhook body as JSON; with --signature, verify
                   it first. Exit 1 with the failure when it does not decode.
  send [file]      Sign the body, or a test event (--event TYPE), POST it to --url
                   and print the answer's status and body. Exit 1 unless 2xx.

Options:
  --secret SECRET            The channel secret (default: $LINE_CHANNEL_SECRET).
                             verify and decode take it more than once while you
                             rotate secrets.
  --signature VALUE          verify, decode: the x-line-signature header value.
  --legacy-signature VALUE   verify: the 2016 x-line-channelsignature value.
  --lenient                  decode: the lenient profile (forwarded, historical bodies).
  --legacy                   decode: also take 2016 BOT API trial bodies.
  --values                   decode: show the values of invalid fields.
  --url URL                  send: where to POST, e.g. http://127.0.0.1:3000/callback.
  --event TYPE               send: a test event of TYPE (message, follow, ...).
  --destination ID           send --event: the body's destination.
  -h, --help                 Print this help.

Exit codes: 0 done, 1 no (not verified, not decoded, not 2xx), 2 misuse.
`
