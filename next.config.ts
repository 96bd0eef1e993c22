import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Database drivers load from node_modules at run time, never bundled (better-sqlite3 is a native
  // addon; node-postgres optionally requires pg-native).
  serverExternalPackages: ["better-sqlite3", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
