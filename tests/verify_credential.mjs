// Verifies a VC-JWT with Node's `jose` (an implementation independent of the signer):
// reads {"jwks": …, "token": "…"} on stdin, prints the payload, exits 1 when it fails.
import { createLocalJWKSet, jwtVerify } from "jose";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const { jwks, token } = JSON.parse(input);
try {
  const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
    algorithms: ["ES256", "EdDSA"],
    typ: "vc+jwt",
  });
  process.stdout.write(JSON.stringify({ header: protectedHeader, payload }));
} catch (error) {
  process.stderr.write(`${error.code || error.name}: ${error.message}\n`);
  process.exit(1);
}
