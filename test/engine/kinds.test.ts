/** Every sheet kind has its words in both languages: the CLI, the pane and the templates name kinds by them. */
import { KINDS, kindName, kindText } from "../../src/engine";

test.each(KINDS.map((kind) => kind.id))("%s has a name, a template title and a template sheet name in zh-CN and en-US", (id) => {
  for (const locale of ["zh-CN", "en-US"] as const) {
    const t = kindText(id, locale);
    for (const key of ["kind.name", "kind.title", "kind.template"] as const) expect(t(key)).toMatch(/\S/);
    expect(kindName(id, locale)).not.toBe(id);
  }
});
