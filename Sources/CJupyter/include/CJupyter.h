// The C libraries of the Jupyter kernel — ZeroMQ (libzmq.so.5) for the sockets and OpenSSL's
// libcrypto (libcrypto.so.3) for HMAC-SHA256 signatures — loaded on first use (dlopen), as
// CCairo loads cairo: a script or the prompt does not map them and the ~15 libraries they
// need, which halves kls's start-up. `kls kernel` calls kls_jupyter_load() first; when it
// returns 0, kls_jupyter_load_error() says why and no zmq_* or crypto function may be called.
#ifndef KLS_CJUPYTER_H
#define KLS_CJUPYTER_H

#include <zmq.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

/// Loads libzmq and libcrypto (once); 1 when every function the kernel uses is available.
int kls_jupyter_load(void);

/// Why kls_jupyter_load() failed (dlerror's text), or NULL after a success.
const char *kls_jupyter_load_error(void);

#endif
