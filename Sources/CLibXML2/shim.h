#ifndef ENBEKSHI_CLIBXML2_SHIM_H
#define ENBEKSHI_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, and its encoding header then pulls in the system ICU headers,
// which clash with the ICU that Foundation carries. We never touch ICU-backed encoding handlers
// (only pointers to them), so hide that part of the API from Swift.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

// xmlFree is a global function-pointer variable, which Swift 6 rejects as not
// concurrency-safe; call it through a plain function instead.
static inline void enbekshi_xml_free(void *pointer) {
    xmlFree(pointer);
}

#endif
