# The two entry points of the README. Both install what is missing first.
#   make example   build jaws, then check and build every project under examples/
#                  (artifacts in build/examples/<example>/)
#   make test      build and run every test, then again under ASan and UBSan
#                  in a clang tree, which also builds and runs the fuzz
#                  targets (docs/testing.md; SANITIZE_CXX=g++ for GCC's, without)
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE_GEN  := -G Ninja
# From scratch (CI, a new machine), batches of files compile faster (CMakeLists.txt).
UNITY      := -DJAWS_UNITY_BUILD=ON

.PHONY: deps test-deps build example test test-release test-sanitize clean

deps:
	@scripts/install-deps.sh build

test-deps:
	@scripts/install-deps.sh test

build: deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) $(UNITY) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)

# Each example is checked, then built into $(BUILD)/examples/<name>/ (its
# CloudFormation templates per stage and region, Swagger/OpenAPI documents,
# code packages and manifest.json), never into the example's own folder.
example: build
	@for project in examples/*/; do \
	  name=$$(basename $$project); \
	  echo "== jaws check $$project"; \
	  $(BUILD)/compiler/jaws check $$project || exit 1; \
	  echo "== jaws build $$project -o $(BUILD)/examples/$$name"; \
	  $(BUILD)/compiler/jaws build $$project -o $(BUILD)/examples/$$name || exit 1; \
	done
	@echo "every example checks and builds cleanly; the artifacts are in $(BUILD)/examples/<example>/"

test-release: test-deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) $(UNITY) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD) -j $(JOBS)
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

SANITIZE_CXX ?= clang++
test-sanitize: test-deps
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) $(UNITY) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJAWS_SANITIZE=ON \
	  $(if $(SANITIZE_CXX),-DCMAKE_CXX_COMPILER=$(SANITIZE_CXX))
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) -LE no-sanitize

test: test-release test-sanitize

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
