#ifndef ENBEKSHI_CVIPS_H
#define ENBEKSHI_CVIPS_H
// The few libvips calls the project makes. libvips's own calls take NULL-terminated option lists,
// which Swift cannot call, so these wrappers fix the options in C. Its headers are not included:
// they need glib's include paths and a -pthread flag that SwiftPM refuses from pkg-config.
#include <stddef.h>

typedef struct _VipsImage VipsImage;

// Once per process. Untrusted loaders (ImageMagick, PDF, SVG…) are switched off: gov.kz pictures
// are JPEG, PNG, WebP or GIF, and anything else is refused before a loader runs.
int enb_vips_start(void);
// The loader libvips would pick for these bytes ("VipsForeignLoadJpegBuffer"…), or NULL.
const char *enb_vips_loader(const void *buf, size_t len);
// Reads the header only (no pixels are decoded): width and height, to refuse decompression bombs.
int enb_vips_size(const void *buf, size_t len, int *width, int *height);
// A copy at most `width` pixels wide (never enlarged), turned upright by its EXIF orientation and
// flattened on white, decoded into memory; the decoder fails on damaged data instead of inventing
// grey pixels.
VipsImage *enb_vips_thumbnail(const void *buf, size_t len, int width);
int enb_vips_width(VipsImage *image);
int enb_vips_height(VipsImage *image);
int enb_vips_save_webp(VipsImage *image, void **buf, size_t *len, int quality);
int enb_vips_save_jpeg(VipsImage *image, void **buf, size_t *len, int quality);
void enb_vips_release(VipsImage *image);
void enb_vips_free(void *buf);
// The last error; libvips keeps one buffer per process.
const char *enb_vips_error(void);
void enb_vips_error_clear(void);

#endif
