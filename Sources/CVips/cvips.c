#include "cvips.h"

// libvips 8.x's stable C API, declared here rather than through <vips/vips.h> (see cvips.h).
typedef struct _VipsArea VipsArea;
typedef VipsArea VipsArrayDouble;
int vips_init(const char *argv0);
void vips_cache_set_max(int max);
void vips_block_untrusted_set(int state);
void vips_concurrency_set(int concurrency);
const char *vips_foreign_find_load_buffer(const void *data, size_t size);
VipsImage *vips_image_new_from_buffer(const void *buf, size_t len, const char *option_string, ...);
int vips_image_get_width(const VipsImage *image);
int vips_image_get_height(const VipsImage *image);
int vips_image_hasalpha(VipsImage *image);
int vips_thumbnail_buffer(void *buf, size_t len, VipsImage **out, int width, ...);
int vips_flatten(VipsImage *in, VipsImage **out, ...);
VipsArrayDouble *vips_array_double_newv(int n, ...);
void vips_area_unref(VipsArea *area);
int vips_webpsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
int vips_jpegsave_buffer(VipsImage *in, void **buf, size_t *len, ...);
const char *vips_error_buffer(void);
void vips_error_clear(void);
VipsImage *vips_image_copy_memory(VipsImage *image);
void g_object_unref(void *object);
typedef void (*enb_log_func)(const char *domain, int level, const char *message, void *data);
unsigned g_log_set_handler(const char *domain, int levels, enb_log_func handler, void *data);
void g_free(void *mem);

// Enum values from libvips's headers (VipsAccess, VipsSize) and its coordinate limit.
enum { ENB_ACCESS_SEQUENTIAL = 1, ENB_SIZE_DOWN = 2, ENB_MAX_COORD = 10000000, ENB_LOG_LEVEL_WARNING = 1 << 4 };

// libvips warns on stderr about each damaged tile; the caller logs one line for the whole file.
static void enb_vips_quiet(const char *domain, int level, const char *message, void *data) {}

int enb_vips_start(void) {
    if (vips_init("enbekshi")) return -1;
    g_log_set_handler("VIPS", ENB_LOG_LEVEL_WARNING, enb_vips_quiet, NULL);
    vips_cache_set_max(0);
    vips_block_untrusted_set(1);
    vips_concurrency_set(1);
    return 0;
}

const char *enb_vips_loader(const void *buf, size_t len) {
    const char *name = vips_foreign_find_load_buffer(buf, len);
    vips_error_clear();
    return name;
}

int enb_vips_size(const void *buf, size_t len, int *width, int *height) {
    VipsImage *image = vips_image_new_from_buffer(buf, len, "", "access", ENB_ACCESS_SEQUENTIAL, NULL);
    if (image == NULL) return -1;
    *width = vips_image_get_width(image);
    *height = vips_image_get_height(image);
    g_object_unref(image);
    return 0;
}

VipsImage *enb_vips_thumbnail(const void *buf, size_t len, int width) {
    VipsImage *out = NULL;
    if (vips_thumbnail_buffer((void *)buf, len, &out, width, "height", ENB_MAX_COORD, "size", ENB_SIZE_DOWN,
                              "option_string", "fail_on=error", NULL)) return NULL;
    if (vips_image_hasalpha(out)) {
        VipsImage *flat = NULL;
        VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
        int failed = vips_flatten(out, &flat, "background", white, NULL);
        vips_area_unref(white);
        g_object_unref(out);
        if (failed) return NULL;
        out = flat;
    }
    // Decoded once into memory, so that it can be encoded twice (WebP, then JPEG).
    VipsImage *decoded = vips_image_copy_memory(out);
    g_object_unref(out);
    return decoded;
}

int enb_vips_width(VipsImage *image) { return vips_image_get_width(image); }
int enb_vips_height(VipsImage *image) { return vips_image_get_height(image); }

int enb_vips_save_webp(VipsImage *image, void **buf, size_t *len, int quality) {
    return vips_webpsave_buffer(image, buf, len, "Q", quality, "strip", 1, NULL);
}

int enb_vips_save_jpeg(VipsImage *image, void **buf, size_t *len, int quality) {
    return vips_jpegsave_buffer(image, buf, len, "Q", quality, "strip", 1, "interlace", 1, "optimize_coding", 1, NULL);
}

void enb_vips_release(VipsImage *image) { if (image) g_object_unref(image); }
void enb_vips_free(void *buf) { g_free(buf); }
const char *enb_vips_error(void) { return vips_error_buffer(); }
void enb_vips_error_clear(void) { vips_error_clear(); }
