# The gazetteer for location coding: ${CMAKE_BINARY_DIR}/gazetteer.tsv,
# generated at build time from GeoNames and iso-codes data (docs/gazetteer.md).
# Include after the hooft-cli target:
#   include(${CMAKE_SOURCE_DIR}/cmake/gazetteer.cmake)
#
#   tools/gazetteer/fetch.sh        gathers the sources in ${CMAKE_BINARY_DIR}/gazetteer-src
#                                   (the npm tarball is cached in ~/.cache/hooft)
#   tools/gazetteer/gen_gazetteer.c converts them (C11, jansson), with names.c (matching
#                                   keys) and mo.c (.mo catalogs) on hooft's src/util.c and
#                                   src/text.c (utf8proc)

set(HOOFT_GAZETTEER ${CMAKE_BINARY_DIR}/gazetteer.tsv)
set(HOOFT_GAZETTEER_SRC ${CMAKE_BINARY_DIR}/gazetteer-src)

pkg_check_modules(GAZ_DEPS REQUIRED IMPORTED_TARGET jansson libutf8proc)
# util.c and text.c are compiled into the tool rather than taken from libhooft,
# which carries the sanitizer flags in sanitizer builds.
add_executable(gen_gazetteer
  tools/gazetteer/gen_gazetteer.c   # sources, cities, regions, output
  tools/gazetteer/names.c           # matching keys and the shapes of place names
  tools/gazetteer/mo.c              # gettext .mo catalogs
  src/util.c                        # maps, arenas, buffers, files
  src/text.c)                       # Unicode keys (utf8proc)
target_include_directories(gen_gazetteer PRIVATE include src)
target_link_libraries(gen_gazetteer PRIVATE PkgConfig::GAZ_DEPS)
# A build tool that runs during the build: plain flags even in the sanitizer
# and fuzzing builds, so that it is as fast there as anywhere.
set_property(TARGET gen_gazetteer PROPERTY COMPILE_OPTIONS -Wall -Wextra -Werror)
set_property(TARGET gen_gazetteer PROPERTY LINK_OPTIONS "")

# Regenerate when the Debian data changes too (an upgraded iso-codes, say).
set(_gazetteer_deps
  ${CMAKE_SOURCE_DIR}/tools/gazetteer/fetch.sh
  /usr/share/iso-codes/json/iso_3166-1.json
  /usr/share/iso-codes/json/iso_3166-2.json
  /usr/share/locale/nl/LC_MESSAGES/iso_3166-1.mo
  /usr/share/locale/nl/LC_MESSAGES/iso_3166-2.mo
  /usr/share/locale/nl/LC_MESSAGES/geonames.mo
  /usr/share/locale/en/LC_MESSAGES/geonames.mo)
set(_gazetteer_file_deps "")
foreach(_f IN LISTS _gazetteer_deps)
  if(EXISTS ${_f})   # a missing one is reported by fetch.sh, with the package to install
    list(APPEND _gazetteer_file_deps ${_f})
  endif()
endforeach()

add_custom_command(
  OUTPUT ${HOOFT_GAZETTEER}
  COMMAND sh ${CMAKE_SOURCE_DIR}/tools/gazetteer/fetch.sh ${HOOFT_GAZETTEER_SRC}
  COMMAND gen_gazetteer --src ${HOOFT_GAZETTEER_SRC} --out ${HOOFT_GAZETTEER}
  DEPENDS gen_gazetteer ${_gazetteer_file_deps}
  COMMENT "Generating gazetteer.tsv from GeoNames and iso-codes"
  VERBATIM)
add_custom_target(gazetteer DEPENDS ${HOOFT_GAZETTEER})

add_dependencies(hooft-cli gazetteer)
target_compile_definitions(hooft-cli PRIVATE HOOFT_DEFAULT_GAZETTEER="${HOOFT_GAZETTEER}")
