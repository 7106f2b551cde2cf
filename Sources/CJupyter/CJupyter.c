// Forwarders for the libzmq and libcrypto functions the Jupyter kernel uses: each calls the
// function of that name in the library, looked up by kls_jupyter_load(). See include/CJupyter.h.
#include "CJupyter.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

// X(library index, return type, name, parameter list, argument list); 0 = libzmq, 1 = libcrypto.
#define KLS_JUPYTER_FUNCTIONS(X) \
    X(0, int, zmq_bind, (void *s_, const char *addr_), (s_, addr_)) \
    X(0, int, zmq_close, (void *s_), (s_)) \
    X(0, int, zmq_connect, (void *s_, const char *addr_), (s_, addr_)) \
    X(0, void *, zmq_ctx_new, (void), ()) \
    X(0, int, zmq_ctx_shutdown, (void *context_), (context_)) \
    X(0, int, zmq_ctx_term, (void *context_), (context_)) \
    X(0, int, zmq_errno, (void), ()) \
    X(0, int, zmq_getsockopt, (void *s_, int option_, void *optval_, size_t *optvallen_), (s_, option_, optval_, optvallen_)) \
    X(0, int, zmq_msg_close, (zmq_msg_t *msg_), (msg_)) \
    X(0, void *, zmq_msg_data, (zmq_msg_t *msg_), (msg_)) \
    X(0, int, zmq_msg_init, (zmq_msg_t *msg_), (msg_)) \
    X(0, int, zmq_msg_more, (const zmq_msg_t *msg_), (msg_)) \
    X(0, int, zmq_msg_recv, (zmq_msg_t *msg_, void *s_, int flags_), (msg_, s_, flags_)) \
    X(0, size_t, zmq_msg_size, (const zmq_msg_t *msg_), (msg_)) \
    X(0, int, zmq_poll, (zmq_pollitem_t *items_, int nitems_, long timeout_), (items_, nitems_, timeout_)) \
    X(0, int, zmq_send, (void *s_, const void *buf_, size_t len_, int flags_), (s_, buf_, len_, flags_)) \
    X(0, int, zmq_setsockopt, (void *s_, int option_, const void *optval_, size_t optvallen_), (s_, option_, optval_, optvallen_)) \
    X(0, void *, zmq_socket, (void *context_, int type_), (context_, type_)) \
    X(0, const char *, zmq_strerror, (int errnum_), (errnum_)) \
    X(1, unsigned char *, HMAC, (const EVP_MD *evp_md, const void *key, int key_len, const unsigned char *data, size_t data_len, unsigned char *md, unsigned int *md_len), (evp_md, key, key_len, data, data_len, md, md_len)) \
    X(1, const EVP_MD *, EVP_sha256, (void), ()) \
    X(1, int, CRYPTO_memcmp, (const void *in_a, const void *in_b, size_t len), (in_a, in_b, len))

#define KLS_JUPYTER_POINTER(lib, ret, name, params, args) static ret (*loaded_##name) params;
KLS_JUPYTER_FUNCTIONS(KLS_JUPYTER_POINTER)

// Each forwarder makes sure the libraries are loaded (a pthread_once check): the kernel asks
// kls_jupyter_load() first and reports missing libraries, other callers (tests) need not.
#define KLS_JUPYTER_FORWARDER(lib, ret, name, params, args) ret name params { kls_jupyter_load(); return loaded_##name args; }
KLS_JUPYTER_FUNCTIONS(KLS_JUPYTER_FORWARDER)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static const char *load_error = "libzmq.so.5 and libcrypto.so.3 were not loaded";
static const char *library_names[2] = {"libzmq.so.5", "libcrypto.so.3"};

static void load(void) {
    void *libraries[2];
    for (int i = 0; i < 2; i++) {
        libraries[i] = dlopen(library_names[i], RTLD_NOW | RTLD_LOCAL);
        if (libraries[i] == NULL) {
            load_error = dlerror();
            return;
        }
    }
#define KLS_JUPYTER_LOOKUP(lib, ret, name, params, args) \
    *(void **)(&loaded_##name) = dlsym(libraries[lib], #name); \
    if (loaded_##name == NULL) { load_error = "a kernel library lacks " #name; return; }
    KLS_JUPYTER_FUNCTIONS(KLS_JUPYTER_LOOKUP)
    loaded = 1;
    load_error = NULL;
}

int kls_jupyter_load(void) {
    pthread_once(&load_once, load);
    return loaded;
}

const char *kls_jupyter_load_error(void) {
    return loaded ? NULL : load_error;
}
