# CPack: a .deb, an .rpm and a .tar.gz of the installed tree, all named and versioned from project().
# Build them with packaging/build (or `cpack` in a configured build directory); packaging/check tests them.

set(USERDESK_PACKAGE_MAINTAINER "UserDesk developers <maintainers@userdesk.org>"
    CACHE STRING "Maintainer named in the .deb and .rpm metadata")

set(CPACK_PACKAGE_NAME "userdesk")
set(CPACK_PACKAGE_VENDOR "UserDesk")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${USERDESK_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop client for GoRest-style users REST APIs")
# Lines under 80 columns: dpkg shows them as they are.
set(CPACK_PACKAGE_DESCRIPTION [=[UserDesk is a native Qt desktop application for browsing and editing the
users of a GoRest-style REST API. It pages through thousands of users,
creates, edits and deletes them, shows every HTTP exchange with its
pretty-printed JSON answer, and keeps several endpoints as profiles with
their tokens in the system keychain. Transient failures are retried with
backoff, and rate limits are respected.

It starts on an embedded sandbox, a local look-alike of the GoRest v2 API
with seeded users stored in SQLite, so it works with no account and no
network. The package also contains userdesk-cli, the same service layer as
a command for scripts, and userdesk-sandbox, the sandbox as a standalone
server.]=])
set(CPACK_PACKAGE_INSTALL_DIRECTORY "userdesk")
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_CHECKSUM SHA256)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")
set(CPACK_GENERATOR "DEB;RPM;TGZ")

# Archive: userdesk-0.1.0-linux-x86_64.tar.gz, holding bin/ and share/ to unpack under a prefix.
set(CPACK_PACKAGE_FILE_NAME "userdesk-${PROJECT_VERSION}-linux-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_ARCHIVE_COMPONENT_INSTALL OFF)

# Debian: userdesk_0.1.0_amd64.deb. A native package, so no Debian revision.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_NAME "userdesk")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${USERDESK_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION "net")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Synopsis from CPACK_PACKAGE_DESCRIPTION_SUMMARY, long description from CPACK_PACKAGE_DESCRIPTION.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What dpkg-shlibdeps cannot see: Qt loads these as plugins at run time. The sandbox needs the SQLite
# driver; the xcb platform plugin and the SVG icon engine come with libqt6gui6 and libqt6svg6, which
# the linked libraries already pull in.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite")
# Tokens go to the desktop's Secret Service or KWallet; without one the app asks what to do instead.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "qt6-wayland")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")

# RPM: userdesk-0.1.0-1.x86_64.rpm. Requirements come from rpmbuild's automatic soname scan; package
# names of the SQLite driver differ between distributions, so they are not named here.
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_NAME "userdesk")
set(CPACK_RPM_PACKAGE_RELEASE "1")
set(CPACK_RPM_PACKAGE_LICENSE "GPL-3.0-or-later")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Internet")
set(CPACK_RPM_PACKAGE_URL "${PROJECT_HOMEPAGE_URL}")
set(CPACK_RPM_PACKAGE_SUMMARY "Desktop client for GoRest-style users REST APIs")
set(CPACK_RPM_PACKAGE_DESCRIPTION "${CPACK_PACKAGE_DESCRIPTION}")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_COMPRESSION_TYPE "xz")
# The package must not claim the system's shared folders, or it conflicts with the filesystem package.
list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /usr/share/applications
    /usr/share/metainfo
    /usr/share/icons
    /usr/share/icons/hicolor
    /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps
    /usr/share/man
    /usr/share/man/man1
    /usr/share/doc
    /usr/share/bash-completion
    /usr/share/bash-completion/completions
    /usr/share/zsh
    /usr/share/zsh/vendor-completions
    /usr/share/fish
    /usr/share/fish/vendor_completions.d)
foreach(size 16 32 48 64 128 256)
    list(APPEND CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
        /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()

# `make package_source`: the tree without build directories or version control.
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_PACKAGE_FILE_NAME "userdesk-${PROJECT_VERSION}")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/" "\\\\.swp$")

include(CPack)
