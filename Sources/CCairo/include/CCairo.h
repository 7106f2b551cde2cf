// cairo's API for kls's PNG and GIF output, with libcairo loaded on first use (dlopen):
// cairo and the ~20 libraries it needs are not mapped into a run that draws no picture,
// which saves about 2 ms of every start-up. Call kls_cairo_load() before any cairo_*
// function; when it returns 0, kls_cairo_load_error() says why and no cairo_* may be called.
#ifndef KLS_CCAIRO_H
#define KLS_CCAIRO_H

#include <cairo/cairo.h>

/// Loads libcairo (once); 1 when every function kls uses is available, else 0.
int kls_cairo_load(void);

/// Why kls_cairo_load() failed (dlerror's text), or NULL after a success.
const char *kls_cairo_load_error(void);

#endif
