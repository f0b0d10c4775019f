/** Something the API names in both languages, asked for as nameZh and nameEn. */
export interface Bilingual {
  nameZh: string;
  nameEn: string;
}

/** Its name in the console's language. */
export function nameIn(language: string, named: Bilingual): string {
  return language === 'zh-CN' ? named.nameZh : named.nameEn;
}
