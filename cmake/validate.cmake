# validate.cmake: 'hooft validate' (TABARI Validate.text and PETRARCH-2 unit-test records run
# against a coder opened from their dictionaries), its tests and the coding benchmark on the
# TABARI and Phoenix sets. Include after the hooft-cli target and add_subdirectory(tests):
#   include(${CMAKE_SOURCE_DIR}/cmake/validate.cmake)
pkg_check_modules(LIBXML2 REQUIRED IMPORTED_TARGET libxml-2.0)

# the records readers and the pass rule, without the coder: shared by the CLI, the unit
# tests and the benchmark
add_library(hooft-validate STATIC
  cli/validate_model.c     # records, expectations, problems, the pass rule
  cli/validate_tabari.c    # Validate.text records and the .project lines naming them
  cli/validate_petrarch.c) # PETR.UnitTest.records.xml (libxml2)
target_include_directories(hooft-validate PUBLIC cli)
target_link_libraries(hooft-validate PUBLIC hooft PkgConfig::LIBXML2)

target_sources(hooft-cli PRIVATE cli/validate.c)
target_link_libraries(hooft-cli PRIVATE hooft-validate)

add_executable(hooft-tabari-bench bench/tabari_bench.c bench/ref_corpus.c)
target_compile_definitions(hooft-tabari-bench PRIVATE HOOFT_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
target_link_libraries(hooft-tabari-bench PRIVATE hooft hooft-validate)

add_subdirectory(${CMAKE_SOURCE_DIR}/tests/validate ${CMAKE_BINARY_DIR}/tests/validate)
