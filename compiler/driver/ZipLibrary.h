#pragma once
// libzip, loaded when the first code package is written rather than linked:
// Debian ships libzip only as a shared library, which brings libcrypto, bz2
// and zlib with it, and loading and relocating those was a third of every
// `jaws` start (docs/decisions.md, "How the jaws binary is linked"). Only
// `jaws build` and the language server's package checks write packages.
#include <zip.h>

#include <string>

namespace jaws {

// The functions CodePackager.cpp calls; each pointer has the type zip.h
// declares, so a call is checked as a direct call would be.
#define JAWS_ZIP_FUNCTIONS(X)                                                                                   \
  X(zip_error_init) X(zip_error_fini) X(zip_error_strerror) X(zip_source_buffer_create) X(zip_open_from_source) \
  X(zip_source_free) X(zip_source_keep) X(zip_source_buffer) X(zip_file_add) X(zip_strerror)                  \
  X(zip_file_set_dostime) X(zip_file_set_external_attributes) X(zip_set_file_compression) X(zip_close)        \
  X(zip_discard) X(zip_source_open) X(zip_source_stat) X(zip_source_read) X(zip_source_close)

struct ZipLibrary {
#define JAWS_ZIP_POINTER(name) decltype(&::name) name = nullptr;
  JAWS_ZIP_FUNCTIONS(JAWS_ZIP_POINTER)
#undef JAWS_ZIP_POINTER
};

// The library, loaded once per process (thread-safe); null when it cannot be
// loaded, with the loader's reason in `whyNot`.
const ZipLibrary* zipLibrary(std::string& whyNot);

}  // namespace jaws
