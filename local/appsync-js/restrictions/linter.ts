import appsyncPlugin from '@aws-appsync/eslint-plugin';
import { Linter } from 'eslint';
import { LOCAL_PLUGIN, localPlugin, localRules } from './rules/index.js';

/** The name the bundle is linted under; `.js` makes the TypeScript parser read it as JavaScript. */
const BUNDLE_FILENAME = 'resolver.js';

/**
 * The plugin's `base` config is the part that works without type information, which a bundle has none of. It is
 * read from the plugin rather than copied so that the runtime and `npm run lint` follow the same plugin version.
 */
function pluginBaseConfig(): Linter.Config {
  const base = appsyncPlugin.configs?.['base'];
  if (!base || Array.isArray(base) || !isFlatConfig(base)) {
    throw new TypeError('@aws-appsync/eslint-plugin has no flat "base" config');
  }
  return base;
}

function isFlatConfig(config: Linter.Config | Linter.LegacyConfig): config is Linter.Config {
  return typeof config.plugins === 'object' && !Array.isArray(config.plugins);
}

function buildConfig(): Linter.Config[] {
  const base = pluginBaseConfig();
  return [
    {
      files: [`**/${BUNDLE_FILENAME}`],
      plugins: { ...base.plugins, [LOCAL_PLUGIN]: localPlugin },
      languageOptions: { ...base.languageOptions, ecmaVersion: 'latest', sourceType: 'module' },
      // The bundle is generated code: comments in it must not switch rules off.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      rules: { ...base.rules, ...localRules },
    },
  ];
}

let shared: { linter: Linter; config: Linter.Config[] } | undefined;

/** Lints a bundle with the plugin's base rules and this runtime's own rules. Parse failures come back as fatal. */
export function lintBundle(code: string): Linter.LintMessage[] {
  shared ??= { linter: new Linter({ configType: 'flat' }), config: buildConfig() };
  return shared.linter.verify(code, shared.config, { filename: BUNDLE_FILENAME });
}
