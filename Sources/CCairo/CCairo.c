// Forwarders for the cairo functions kls uses: each calls the function of that name in
// libcairo.so.2, looked up by kls_cairo_load(). See include/CCairo.h.
#include "CCairo.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

// X(return type, name, parameter list, argument list)
#define KLS_CAIRO_FUNCTIONS(X) \
    X(void, cairo_arc, (cairo_t *cr, double xc, double yc, double radius, double angle1, double angle2), (cr, xc, yc, radius, angle1, angle2)) \
    X(void, cairo_close_path, (cairo_t *cr), (cr)) \
    X(cairo_t *, cairo_create, (cairo_surface_t *target), (target)) \
    X(void, cairo_destroy, (cairo_t *cr), (cr)) \
    X(void, cairo_fill, (cairo_t *cr), (cr)) \
    X(cairo_surface_t *, cairo_image_surface_create, (cairo_format_t format, int width, int height), (format, width, height)) \
    X(unsigned char *, cairo_image_surface_get_data, (cairo_surface_t *surface), (surface)) \
    X(int, cairo_image_surface_get_stride, (cairo_surface_t *surface), (surface)) \
    X(void, cairo_line_to, (cairo_t *cr, double x, double y), (cr, x, y)) \
    X(void, cairo_move_to, (cairo_t *cr, double x, double y), (cr, x, y)) \
    X(void, cairo_new_path, (cairo_t *cr), (cr)) \
    X(void, cairo_new_sub_path, (cairo_t *cr), (cr)) \
    X(void, cairo_rectangle, (cairo_t *cr, double x, double y, double width, double height), (cr, x, y, width, height)) \
    X(void, cairo_restore, (cairo_t *cr), (cr)) \
    X(void, cairo_rotate, (cairo_t *cr, double angle), (cr, angle)) \
    X(void, cairo_save, (cairo_t *cr), (cr)) \
    X(void, cairo_select_font_face, (cairo_t *cr, const char *family, cairo_font_slant_t slant, cairo_font_weight_t weight), (cr, family, slant, weight)) \
    X(void, cairo_set_dash, (cairo_t *cr, const double *dashes, int num_dashes, double offset), (cr, dashes, num_dashes, offset)) \
    X(void, cairo_set_font_size, (cairo_t *cr, double size), (cr, size)) \
    X(void, cairo_set_line_cap, (cairo_t *cr, cairo_line_cap_t line_cap), (cr, line_cap)) \
    X(void, cairo_set_line_join, (cairo_t *cr, cairo_line_join_t line_join), (cr, line_join)) \
    X(void, cairo_set_line_width, (cairo_t *cr, double width), (cr, width)) \
    X(void, cairo_set_source_rgba, (cairo_t *cr, double red, double green, double blue, double alpha), (cr, red, green, blue, alpha)) \
    X(void, cairo_show_text, (cairo_t *cr, const char *utf8), (cr, utf8)) \
    X(const char *, cairo_status_to_string, (cairo_status_t status), (status)) \
    X(void, cairo_stroke, (cairo_t *cr), (cr)) \
    X(void, cairo_surface_destroy, (cairo_surface_t *surface), (surface)) \
    X(void, cairo_surface_flush, (cairo_surface_t *surface), (surface)) \
    X(void, cairo_surface_mark_dirty, (cairo_surface_t *surface), (surface)) \
    X(cairo_status_t, cairo_surface_status, (cairo_surface_t *surface), (surface)) \
    X(cairo_status_t, cairo_surface_write_to_png, (cairo_surface_t *surface, const char *filename), (surface, filename)) \
    X(cairo_status_t, cairo_surface_write_to_png_stream, (cairo_surface_t *surface, cairo_write_func_t write_func, void *closure), (surface, write_func, closure)) \
    X(void, cairo_text_extents, (cairo_t *cr, const char *utf8, cairo_text_extents_t *extents), (cr, utf8, extents)) \
    X(void, cairo_translate, (cairo_t *cr, double tx, double ty), (cr, tx, ty))

#define KLS_CAIRO_POINTER(ret, name, params, args) static ret (*loaded_##name) params;
KLS_CAIRO_FUNCTIONS(KLS_CAIRO_POINTER)

// Each forwarder makes sure the library is loaded (a pthread_once check): kls's own code asks
// kls_cairo_load() first and reports a missing library, other callers (tests) need not.
#define KLS_CAIRO_FORWARDER(ret, name, params, args) ret name params { kls_cairo_load(); return loaded_##name args; }
KLS_CAIRO_FUNCTIONS(KLS_CAIRO_FORWARDER)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static int loaded = 0;
static const char *load_error = "libcairo.so.2 was not loaded";

static void load(void) {
    void *library = dlopen("libcairo.so.2", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        load_error = dlerror();
        return;
    }
#define KLS_CAIRO_LOOKUP(ret, name, params, args) \
    *(void **)(&loaded_##name) = dlsym(library, #name); \
    if (loaded_##name == NULL) { load_error = "libcairo.so.2 lacks " #name; return; }
    KLS_CAIRO_FUNCTIONS(KLS_CAIRO_LOOKUP)
    loaded = 1;
    load_error = NULL;
}

int kls_cairo_load(void) {
    pthread_once(&load_once, load);
    return loaded;
}

const char *kls_cairo_load_error(void) {
    return loaded ? NULL : load_error;
}
