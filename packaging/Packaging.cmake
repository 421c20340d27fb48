# Installation of the desktop integration and CPack packages: a .deb on Linux, an NSIS installer on
# Windows, a DragNDrop disk image on macOS. Included last by the top-level CMakeLists.txt, so the app
# targets exist. `cmake --build <dir> --target package` (or `cpack --config <dir>/CPackConfig.cmake`).
include(GNUInstallDirs)

set(PAIRLAB_APP_ID "io.pairlab.PairLab")
set(PAIRLAB_PACKAGING_DIR "${CMAKE_CURRENT_LIST_DIR}")

install(FILES "${CMAKE_SOURCE_DIR}/resources/demo/LICENSE-DATA.md" DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/pairlab")

if(UNIX AND NOT APPLE)
  # freedesktop integration: launcher, AppStream, MIME type of workspaces and the icon. Debian's
  # triggers (desktop-file-utils, shared-mime-info, hicolor-icon-theme) refresh the caches on install.
  install(FILES "${PAIRLAB_PACKAGING_DIR}/pairlab.desktop"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" RENAME "${PAIRLAB_APP_ID}.desktop")
  install(FILES "${PAIRLAB_PACKAGING_DIR}/${PAIRLAB_APP_ID}.metainfo.xml"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo")
  install(FILES "${PAIRLAB_PACKAGING_DIR}/pairlab-mime.xml"
          DESTINATION "${CMAKE_INSTALL_DATADIR}/mime/packages" RENAME "pairlab.xml")

  set(_icon_svg "${PAIRLAB_PACKAGING_DIR}/icons/pairlab.svg")
  set(_hicolor "${CMAKE_INSTALL_DATADIR}/icons/hicolor")
  install(FILES "${_icon_svg}" DESTINATION "${_hicolor}/scalable/apps")
  install(FILES "${_icon_svg}" DESTINATION "${_hicolor}/scalable/mimetypes"
          RENAME "application-x-pairlab-workspace.svg")

  # PNG renders when a converter is at hand; otherwise the scalable icon alone (themes scale it).
  find_program(PAIRLAB_RSVG_CONVERT rsvg-convert)
  find_program(PAIRLAB_INKSCAPE inkscape)
  find_program(PAIRLAB_IM_CONVERT NAMES convert magick)
  set(_pngs)
  foreach(_size 48 128 256)
    set(_png "${CMAKE_BINARY_DIR}/packaging/icons/${_size}x${_size}/pairlab.png")
    if(PAIRLAB_RSVG_CONVERT)
      set(_cmd "${PAIRLAB_RSVG_CONVERT}" -w ${_size} -h ${_size} -o "${_png}" "${_icon_svg}")
    elseif(PAIRLAB_INKSCAPE)
      set(_cmd "${PAIRLAB_INKSCAPE}" -w ${_size} -h ${_size} -o "${_png}" "${_icon_svg}")
    elseif(PAIRLAB_IM_CONVERT)
      set(_cmd "${PAIRLAB_IM_CONVERT}" -background none -density 384 "${_icon_svg}" -resize ${_size}x${_size}
               "PNG32:${_png}")
    else()
      break()
    endif()
    add_custom_command(OUTPUT "${_png}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/packaging/icons/${_size}x${_size}"
      COMMAND ${_cmd}
      DEPENDS "${_icon_svg}" VERBATIM
      COMMENT "Rendering the ${_size}x${_size} application icon")
    list(APPEND _pngs "${_png}")
    install(FILES "${_png}" DESTINATION "${_hicolor}/${_size}x${_size}/apps")
  endforeach()
  if(_pngs)
    add_custom_target(pairlab_icons ALL DEPENDS ${_pngs})
  else()
    message(STATUS "PairLab: no SVG converter (rsvg-convert, inkscape, convert) - packaging the SVG icon only")
  endif()
endif()

if(WIN32 OR APPLE)
  # Qt's deployment (windeployqt / macdeployqt) into the install tree: Qt libraries, platform, style,
  # TLS and SQL driver plugins, Qt's translations. Non-Qt DLLs (simdjson, muparser, sqlite) on Windows
  # come from the toolchain (e.g. vcpkg's applocal copy) - see README.
  if(TARGET pairlab)
    if(APPLE)
      set_target_properties(pairlab PROPERTIES OUTPUT_NAME "PairLab") # PairLab.app
    endif()
    set_target_properties(pairlab PROPERTIES
      MACOSX_BUNDLE_INFO_PLIST "${PAIRLAB_PACKAGING_DIR}/macos/Info.plist.in"
      MACOSX_BUNDLE_GUI_IDENTIFIER "${PAIRLAB_APP_ID}"
      MACOSX_BUNDLE_BUNDLE_NAME "PairLab"
      MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
      MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}")
    qt_generate_deploy_app_script(TARGET pairlab OUTPUT_SCRIPT _pairlab_deploy NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT "${_pairlab_deploy}")
  endif()
endif()

# ---- CPack ------------------------------------------------------------------------------------------
set(CPACK_PACKAGE_NAME "pairlab")
set(CPACK_PACKAGE_VENDOR "PairLab")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION
    "PairLab streams Binance USD-M futures trades, stores ticks and 1 s / 1 min / 5 min bars in a local\n\
database and shows them live, with pair analytics (hedge ratios, spread, z-score, correlations, ADF and\n\
Engle-Granger tests), alerts and mean-reversion backtests. pairlab-cli replays, ingests, imports,\n\
exports and analyses without a window.")
set(CPACK_PACKAGE_CONTACT "PairLab maintainers <maintainers@pairlab.io>" CACHE STRING "Package maintainer")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "PairLab")
set(CPACK_PACKAGE_EXECUTABLES "pairlab" "PairLab")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\\\.git/")

if(WIN32)
  set(CPACK_GENERATOR "NSIS")
  set(CPACK_NSIS_DISPLAY_NAME "PairLab")
  set(CPACK_NSIS_PACKAGE_NAME "PairLab ${PROJECT_VERSION}")
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\pairlab.exe")
  set(CPACK_NSIS_MUI_FINISHPAGE_RUN "pairlab.exe")
  # Double-clicking a .pairlab workspace opens it in PairLab.
  set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS "
    WriteRegStr HKCR '.pairlab' '' 'PairLab.Workspace'
    WriteRegStr HKCR 'PairLab.Workspace' '' 'PairLab workspace'
    WriteRegStr HKCR 'PairLab.Workspace\\\\DefaultIcon' '' '$INSTDIR\\\\bin\\\\pairlab.exe,0'
    WriteRegStr HKCR 'PairLab.Workspace\\\\shell\\\\open\\\\command' '' '\\\"$INSTDIR\\\\bin\\\\pairlab.exe\\\" \\\"%1\\\"'")
  set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "
    DeleteRegKey HKCR '.pairlab'
    DeleteRegKey HKCR 'PairLab.Workspace'")
elseif(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
  set(CPACK_DMG_VOLUME_NAME "PairLab ${PROJECT_VERSION}")
  set(CPACK_DMG_FORMAT "UDZO")
else()
  set(CPACK_GENERATOR "DEB")
  set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION "science")
  set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
  # dpkg-shlibdeps finds the linked libraries; the plugins Qt loads at run time it cannot see.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6sql6-psql, qt6-qpa-plugins")
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
endif()

include(CPack)
