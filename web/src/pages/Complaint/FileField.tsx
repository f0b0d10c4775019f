import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A file picked for upload, read as the API takes it: base64 with its name and media type. */
export interface PickedFile {
  fileName: string;
  contentType: string;
  size: number;
  base64: string;
}

function read(file: File): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ fileName: file.name, contentType: file.type || 'application/octet-stream', size: file.size, base64: url.slice(url.indexOf(',') + 1) });
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** A form control holding one picked file. */
export function FileField({ value, onChange, id }: { value?: PickedFile; onChange?: (file?: PickedFile) => void; id?: string }) {
  const { t } = useTranslation('complaint');
  return (
    <>
      <input
        id={id}
        type="file"
        aria-label={t('chooseFile')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return onChange?.(undefined);
          void read(file).then((picked) => onChange?.(picked));
        }}
      />
      {value && <Typography.Text type="secondary">{value.fileName} · {Math.ceil(value.size / 1024)} KB</Typography.Text>}
    </>
  );
}
