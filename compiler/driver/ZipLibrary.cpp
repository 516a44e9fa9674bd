#include "driver/ZipLibrary.h"

#include <dlfcn.h>

namespace jaws {

namespace {

struct Loaded {
  ZipLibrary library;
  std::string failure;  // empty when loaded
};

Loaded load() {
  Loaded loaded;
  // Never closed: the process keeps it until it ends, like a linked library.
  void* handle = ::dlopen(JAWS_LIBZIP_SONAME, RTLD_LAZY | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* error = ::dlerror();
    loaded.failure = error ? error : "cannot load " JAWS_LIBZIP_SONAME;
    return loaded;
  }
#define JAWS_ZIP_LOAD(name)                                                                         \
  loaded.library.name = reinterpret_cast<decltype(&::name)>(::dlsym(handle, #name));                \
  if (loaded.library.name == nullptr) {                                                             \
    loaded.failure = std::string(JAWS_LIBZIP_SONAME " has no function " #name);                     \
    return loaded;                                                                                  \
  }
  JAWS_ZIP_FUNCTIONS(JAWS_ZIP_LOAD)
#undef JAWS_ZIP_LOAD
  return loaded;
}

}  // namespace

const ZipLibrary* zipLibrary(std::string& whyNot) {
  static const Loaded loaded = load();
  if (!loaded.failure.empty()) {
    whyNot = loaded.failure;
    return nullptr;
  }
  return &loaded.library;
}

}  // namespace jaws
